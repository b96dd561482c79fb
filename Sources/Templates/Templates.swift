/// A Go text/template engine with Sprig and Helm functions (see docs/render.md).
