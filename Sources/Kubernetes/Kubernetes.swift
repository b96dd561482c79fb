/// Kubernetes object model: identity, quantities, selectors.
