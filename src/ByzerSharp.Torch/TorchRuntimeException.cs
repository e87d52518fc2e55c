namespace ByzerSharp.Torch;

/// <summary>TorchSharp's native library cannot be made to load on this machine; the message says why and what to do.</summary>
public sealed class TorchRuntimeException(string message, Exception? inner = null) : Exception(message, inner);
