namespace ByzerSharp.Images;

/// <summary>Adds the image data source (Spark's image reader, Byzer's image writer) to Byzer sessions.</summary>
public sealed class ImageExtension : IByzerExtension
{
    public void Register(ExtensionRegistry registry) => registry.AddDataSource(new ImageDataSource());
}
