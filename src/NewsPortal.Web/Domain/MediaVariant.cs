namespace NewsPortal.Web.Domain;

/// <summary>A resized copy of a photo for <c>srcset</c>, stored like the photo itself.</summary>
public sealed class MediaVariant
{
    private MediaVariant()
    {
        ContentType = string.Empty;
        Content = [];
    }

    public MediaVariant(int width, int height, string contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Width = width;
        Height = height;
        ContentType = contentType;
        Content = content;
        Length = content.Length;
    }

    public int Id { get; private set; }

    public int MediaId { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public byte[] Content { get; private set; }
}
