using System.Globalization;
using SkiaSharp;

namespace NewsPortal.Web.Services.Imaging;

/// <summary>
/// Limits and output settings for uploaded photos. The defaults suit news photos from phones and
/// agencies; every limit exists so that one upload cannot exhaust the server's memory or CPU.
/// </summary>
public sealed class ImageProcessingOptions
{
    /// <summary>Largest accepted upload in bytes; larger uploads are refused before decoding.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Largest accepted width × height, read from the header before any pixel is decoded, so a small
    /// file that declares a huge canvas (a decompression bomb) is refused without allocating it.
    /// </summary>
    public int MaxPixels { get; set; } = 50_000_000;

    /// <summary>Largest accepted width or height: also refuses very thin images that pass <see cref="MaxPixels"/>.</summary>
    public int MaxDimension { get; set; } = 12_000;

    /// <summary>Widths of the responsive variants (for <c>srcset</c>); only those narrower than the photo are made.</summary>
    public int[] VariantWidths { get; set; } = [480, 960, 1600];

    /// <summary>The stored "original" is downscaled to this width: nobody needs a 6000 px photo on a web page.</summary>
    public int MaxStoredWidth { get; set; } = 2400;

    /// <summary>Quality (1–100) of the JPEG and lossy WebP encoders.</summary>
    public int JpegQuality { get; set; } = 82;
}

/// <summary>The formats accepted for upload; each is stored in the same format it came in.</summary>
public enum ImageFormatKind
{
    Jpeg,
    Png,
    Webp,
}

/// <summary>One stored image: the re-encoded original or one of its narrower variants.</summary>
/// <param name="Width">Width in pixels; the height follows from the aspect ratio of the result.</param>
/// <param name="Content">The encoded bytes, with no metadata.</param>
/// <param name="ContentType">The MIME type to serve it with.</param>
public sealed record ProcessedImage(int Width, byte[] Content, string ContentType);

/// <summary>
/// The outcome of processing one upload. On failure only <see cref="Error"/> (a Vietnamese message
/// to show the editor) is meaningful; on success <see cref="Width"/> and <see cref="Height"/> are the
/// upright size of the upload (after the EXIF orientation), <see cref="Original"/> the image to store
/// (at most <see cref="ImageProcessingOptions.MaxStoredWidth"/> wide) and <see cref="Variants"/> the
/// narrower copies, narrowest first.
/// </summary>
public sealed record ImageProcessingResult(
    bool Succeeded,
    string? Error,
    ImageFormatKind Format,
    int Width,
    int Height,
    ProcessedImage? Original,
    IReadOnlyList<ProcessedImage> Variants)
{
    /// <summary>The height of a copy <paramref name="width"/> pixels wide, aspect ratio kept.</summary>
    public int HeightAt(int width) => Math.Max(1, (int)Math.Round(Height * (double)width / Width));

    internal static ImageProcessingResult Failure(string error) => new(false, error, default, 0, 0, null, []);
}

/// <summary>
/// The Vietnamese messages an editor sees when an upload is refused. Public so that controllers and
/// tests can compare against them instead of repeating the text.
/// </summary>
public static class ImageProcessingMessages
{
    public const string Empty = "Tệp ảnh trống.";
    public const string UnsupportedFormat = "Chỉ chấp nhận ảnh JPEG, PNG hoặc WebP.";
    public const string Corrupt = "Tệp ảnh bị hỏng hoặc không đầy đủ.";
    public const string Failed = "Không thể xử lý ảnh này. Vui lòng thử lại với ảnh khác.";

    /// <summary>"Ảnh vượt quá dung lượng cho phép (10 MB)." with the configured limit.</summary>
    public static string TooLarge(long maxBytes) =>
        $"Ảnh vượt quá dung lượng cho phép ({FormatSize(maxBytes)}).";

    /// <summary>"Ảnh có kích thước quá lớn (60000×60000 điểm ảnh)." with the declared size.</summary>
    public static string TooManyPixels(int width, int height) =>
        string.Create(CultureInfo.InvariantCulture, $"Ảnh có kích thước quá lớn ({width}×{height} điểm ảnh).");

    /// <summary>Formats a byte count the Vietnamese way: "10 MB", "1,5 MB", "200 KB", "900 byte".</summary>
    public static string FormatSize(long bytes)
    {
        const long KiB = 1024;
        const long MiB = 1024 * KiB;
        var (value, unit) = bytes >= MiB ? ((double)bytes / MiB, "MB") : bytes >= KiB ? ((double)bytes / KiB, "KB") : (bytes, "byte");
        // Vietnamese writes the decimal separator as a comma; formatting by hand keeps the text
        // independent of the server's culture data.
        var text = Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');
        return $"{text} {unit}";
    }
}

/// <summary>
/// Turns an uploaded photo into the images the portal stores: recognises the format from the bytes
/// themselves (never the file name or the declared content type), refuses anything that is not a
/// JPEG, PNG or WebP that decodes completely, applies the EXIF orientation, and re-encodes every
/// stored image from pixels so that no metadata of the upload (GPS position, camera serials, XMP,
/// IPTC, comments, ICC text) reaches the public site.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: register it as a singleton. It never throws for a bad upload; it
/// returns <see cref="ImageProcessingResult.Succeeded"/> = false with a Vietnamese message instead.
/// Processing is CPU-bound and runs on the calling thread: a few hundred milliseconds for a large
/// JPEG, up to about two seconds for a large WebP (libwebp's encoder is the slow part).
/// </remarks>
public sealed class ImageProcessor(ImageProcessingOptions options)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Pure rotations and flips move whole pixels; any other filter would blur them.
    private static readonly SKSamplingOptions ExactSampling = new(SKFilterMode.Nearest, SKMipmapMode.None);

    // Bilinear at exactly half size averages each 2×2 block: a clean box filter for the halving steps.
    private static readonly SKSamplingOptions HalvingSampling = new(SKFilterMode.Linear, SKMipmapMode.None);

    // Mitchell–Netravali for the last step (less than 2×): sharp without the ringing of Catmull–Rom.
    private static readonly SKSamplingOptions FinalSampling = new(SKCubicResampler.Mitchell);

    private readonly ImageProcessingOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Reads an upload from a stream, at most <see cref="ImageProcessingOptions.MaxBytes"/> + 1 bytes,
    /// so an oversized upload is refused without being read whole; a seekable stream whose remaining
    /// length is already too large is refused without reading at all.
    /// </summary>
    public async Task<ImageProcessingResult> ProcessAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);

        var maxBytes = Math.Clamp(_options.MaxBytes, 0, Array.MaxLength - 1L);
        var limit = (int)maxBytes + 1;
        var initial = Math.Min(limit, 81_920);
        if (upload.CanSeek)
        {
            var remaining = upload.Length - upload.Position;
            if (remaining > maxBytes)
            {
                return ImageProcessingResult.Failure(ImageProcessingMessages.TooLarge(_options.MaxBytes));
            }

            // One byte more than announced, so the end of the stream is seen without growing the buffer.
            initial = (int)Math.Max(1, remaining + 1);
        }

        var buffer = new byte[initial];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length >= limit)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, limit));
            }

            var read = await upload.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total > maxBytes
            ? ImageProcessingResult.Failure(ImageProcessingMessages.TooLarge(_options.MaxBytes))
            : Process(buffer.AsSpan(0, total));
    }

    /// <summary>Processes an upload held in memory. See the class remarks for what is checked and stored.</summary>
    public ImageProcessingResult Process(ReadOnlySpan<byte> upload)
    {
        // Read the settings once, so a change while this upload is processed cannot mix two configurations.
        var limits = new Limits(
            _options.MaxBytes,
            _options.MaxPixels,
            _options.MaxDimension,
            Math.Max(1, _options.MaxStoredWidth),
            Math.Clamp(_options.JpegQuality, 1, 100),
            [.. (_options.VariantWidths ?? []).Where(w => w > 0).Distinct().Order()]);

        if (upload.IsEmpty)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.Empty);
        }

        if (upload.Length > limits.MaxBytes)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.TooLarge(limits.MaxBytes));
        }

        if (Sniff(upload) is not { } format)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.UnsupportedFormat);
        }

        try
        {
            return DecodeAndStore(upload, format, limits);
        }
        catch (Exception)
        {
            // A decoder or encoder failure on a hostile file must become a refusal, never a 500.
            return ImageProcessingResult.Failure(ImageProcessingMessages.Failed);
        }
    }

    /// <summary>
    /// Recognises the three accepted formats by their signatures. SKCodec would also open GIF, BMP,
    /// ICO, WBMP and more, so its verdict alone is not enough.
    /// </summary>
    private static ImageFormatKind? Sniff(ReadOnlySpan<byte> data)
    {
        if (data is [0xFF, 0xD8, 0xFF, ..])
        {
            return ImageFormatKind.Jpeg;
        }

        if (data.StartsWith(PngSignature))
        {
            return ImageFormatKind.Png;
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormatKind.Webp;
        }

        return null;
    }

    private static ImageProcessingResult DecodeAndStore(ReadOnlySpan<byte> upload, ImageFormatKind format, Limits limits)
    {
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.Corrupt);
        }

        if (codec.EncodedFormat != ToSkia(format))
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.UnsupportedFormat);
        }

        // Everything below is decided from the header; no pixel has been decoded yet.
        var encoded = codec.Info;
        if (encoded.Width <= 0 || encoded.Height <= 0)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.Corrupt);
        }

        var origin = codec.EncodedOrigin;
        var swapsAxes = SwapsAxes(origin);
        var (width, height) = swapsAxes ? (encoded.Height, encoded.Width) : (encoded.Width, encoded.Height);
        if (width > limits.MaxDimension || height > limits.MaxDimension || (long)width * height > limits.MaxPixels)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.TooManyPixels(width, height));
        }

        var storedWidth = Math.Min(width, limits.MaxStoredWidth);
        var storedHeight = ScaledHeight(width, height, storedWidth);

        using var decoded = Decode(codec, format, swapsAxes ? (storedHeight, storedWidth) : (storedWidth, storedHeight), out var result);
        if (decoded is null)
        {
            return ImageProcessingResult.Failure(result == SKCodecResult.Success ? ImageProcessingMessages.Failed : ImageProcessingMessages.Corrupt);
        }

        using var transformed = origin == SKEncodedOrigin.TopLeft && decoded.Width == storedWidth && decoded.Height == storedHeight
            ? null
            : Resample(decoded, origin, storedWidth, storedHeight);
        var stored = transformed ?? decoded;
        if (stored.Width != storedWidth || stored.Height != storedHeight)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.Failed);
        }

        var contentType = ContentType(format);
        if (Encode(stored, format, limits.Quality) is not { } originalBytes)
        {
            return ImageProcessingResult.Failure(ImageProcessingMessages.Failed);
        }

        var variants = new List<ProcessedImage>();
        foreach (var variantWidth in limits.VariantWidths)
        {
            // Variants are made from the stored original (already upright and at most MaxStoredWidth
            // wide), which is cheaper than starting again from the full-size decode. A variant wider
            // than the stored original would be an upscale, so it is left out.
            if (variantWidth >= width || variantWidth > storedWidth)
            {
                continue;
            }

            using var scaled = variantWidth == storedWidth
                ? null
                : Resample(stored, SKEncodedOrigin.TopLeft, variantWidth, ScaledHeight(width, height, variantWidth));
            if ((variantWidth != storedWidth && scaled is null) || Encode(scaled ?? stored, format, limits.Quality) is not { } bytes)
            {
                return ImageProcessingResult.Failure(ImageProcessingMessages.Failed);
            }

            variants.Add(new ProcessedImage(variantWidth, bytes, contentType));
        }

        return new ImageProcessingResult(true, null, format, width, height, new ProcessedImage(storedWidth, originalBytes, contentType), variants);
    }

    /// <summary>
    /// Decodes all pixels, converted to sRGB (what browsers assume for untagged images). A JPEG is
    /// decoded straight at a reduced size (libjpeg-turbo scales by n/8 while decoding) when it is
    /// much larger than the stored original, which saves most of the memory and time for large
    /// photos. Returns null unless the codec reports <see cref="SKCodecResult.Success"/>: a truncated
    /// file reports <see cref="SKCodecResult.IncompleteInput"/> and is refused rather than stored
    /// with a grey or blank bottom.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, ImageFormatKind format, (int Width, int Height) target, out SKCodecResult result)
    {
        var size = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if (format == ImageFormatKind.Jpeg)
        {
            for (var eighths = 1; eighths < 8; eighths++)
            {
                var candidate = codec.GetScaledDimensions(eighths / 8f);
                if (candidate.Width >= target.Width && candidate.Height >= target.Height)
                {
                    size = candidate;
                    break;
                }
            }
        }

        var alphaType = codec.Info.AlphaType == SKAlphaType.Opaque || format == ImageFormatKind.Jpeg ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alphaType, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            result = SKCodecResult.Success;
            return null;
        }

        result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    /// <summary>
    /// Draws <paramref name="source"/> upright at <paramref name="width"/> × <paramref name="height"/>
    /// (the upright size). Large reductions first halve the image with 2×2 box averaging until less
    /// than a factor two remains, then a cubic filter makes the final size: a single cubic or bilinear
    /// step over a large factor would skip pixels and alias fine detail (text, fabric, hair).
    /// </summary>
    private static SKBitmap? Resample(SKBitmap source, SKEncodedOrigin origin, int width, int height)
    {
        var (rawWidth, rawHeight) = SwapsAxes(origin) ? (height, width) : (width, height);
        var current = source;
        SKBitmap? intermediate = null;
        try
        {
            while (current.Width >= rawWidth * 2 && current.Height >= rawHeight * 2)
            {
                var halfWidth = current.Width / 2;
                var halfHeight = current.Height / 2;
                var half = Draw(current, halfWidth, halfHeight, SKMatrix.CreateScale((float)halfWidth / current.Width, (float)halfHeight / current.Height), HalvingSampling);
                if (half is null)
                {
                    return null;
                }

                intermediate?.Dispose();
                intermediate = half;
                current = half;
            }

            var unscaled = current.Width == rawWidth && current.Height == rawHeight;
            var scale = SKMatrix.CreateScale((float)rawWidth / current.Width, (float)rawHeight / current.Height);
            var matrix = OrientationMatrix(origin, width, height).PreConcat(scale);
            return Draw(current, width, height, matrix, unscaled ? ExactSampling : FinalSampling);
        }
        finally
        {
            intermediate?.Dispose();
        }
    }

    /// <summary>Draws the source through a clamped image shader, so edge pixels are not blended with transparency.</summary>
    private static SKBitmap? Draw(SKBitmap source, int width, int height, SKMatrix matrix, SKSamplingOptions sampling)
    {
        var target = new SKBitmap();
        if (!target.TryAllocPixels(source.Info.WithSize(width, height)))
        {
            target.Dispose();
            return null;
        }

        // Wraps the source pixels without copying them (a large decode is hundreds of megabytes).
        using (var pixmap = source.PeekPixels())
        using (var image = SKImage.FromPixels(pixmap))
        using (var shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, sampling, matrix))
        using (var paint = new SKPaint { Shader = shader, BlendMode = SKBlendMode.Src })
        using (var canvas = new SKCanvas(target))
        {
            canvas.DrawRect(0, 0, width, height, paint);
        }

        return target;
    }

    /// <summary>
    /// Encodes from pixels only. The pixmap is described without a colour space (the pixels are
    /// already sRGB), so the encoders write no ICC profile either; they never copy any metadata of
    /// the upload, which only ever reached the decoder.
    /// </summary>
    private static byte[]? Encode(SKBitmap bitmap, ImageFormatKind format, int quality)
    {
        using var pixmap = new SKPixmap(bitmap.Info.WithColorSpace(null), bitmap.GetPixels(), bitmap.RowBytes);
        using var encoded = format switch
        {
            ImageFormatKind.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            ImageFormatKind.Png => pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
            _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, quality)),
        };
        return encoded is null || encoded.Size == 0 ? null : encoded.ToArray();
    }

    /// <summary>
    /// The transform that shows an image of the given <paramref name="origin"/> upright, for an
    /// upright size of <paramref name="width"/> × <paramref name="height"/> (Skia's
    /// SkEncodedOriginToMatrix; EXIF orientations 1–8 in order).
    /// </summary>
    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>EXIF orientations 5–8 store the image lying on its side.</summary>
    private static bool SwapsAxes(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
        or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>
    /// The height that keeps the aspect ratio at <paramref name="newWidth"/>. Computed exactly as
    /// callers can recompute it from the result (<c>Math.Round(Height * (double)w / Width)</c>), so
    /// the heights they store match the pixels; never less than one pixel.
    /// </summary>
    private static int ScaledHeight(int width, int height, int newWidth) =>
        Math.Max(1, (int)Math.Round(height * (double)newWidth / width));

    private static SKEncodedImageFormat ToSkia(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Jpeg => SKEncodedImageFormat.Jpeg,
        ImageFormatKind.Png => SKEncodedImageFormat.Png,
        _ => SKEncodedImageFormat.Webp,
    };

    private static string ContentType(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Jpeg => "image/jpeg",
        ImageFormatKind.Png => "image/png",
        _ => "image/webp",
    };

    private sealed record Limits(long MaxBytes, int MaxPixels, int MaxDimension, int MaxStoredWidth, int Quality, int[] VariantWidths);
}
