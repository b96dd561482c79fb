import Policies
import YAML

/// How objects are named in messages: `apps/v1 Deployment chatbot-dev/backend`, the form
/// policy findings use.
public enum ObjectName {
    public static func of(_ object: Value) -> String { CheckedObject(object).name }
}
