using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NewsPortal.Web.Services.Imaging;
using SkiaSharp;

namespace NewsPortal.UnitTests.Imaging;

public sealed class ImageProcessorTests
{
    private const string GpsSecret = "GPS-SECRET-21.0285";
    private const string XmpSecret = "XMP-SECRET";
    private const string CommentSecret = "COMMENT-SECRET";
    private const string IptcSecret = "IPTC-SECRET";
    private const string PngTextSecret = "PNG-TEXT-SECRET";
    private const string PngXmpSecret = "PNG-XMP-SECRET";
    private const string WebpXmpSecret = "WEBP-XMP-SECRET";

    private static readonly string[] Secrets = [GpsSecret, XmpSecret, CommentSecret, IptcSecret, PngTextSecret, PngXmpSecret, WebpXmpSecret];

    private readonly ImageProcessor _processor = new(new ImageProcessingOptions());

    // ---- Metadata is gone ----------------------------------------------------------------

    [Fact]
    public void JpegWithGpsExifXmpIptcAndCommentComesOutWithNoMetadata()
    {
        var upload = Fixtures.InsertAfterSoi(
            Fixtures.Encode(Fixtures.Photo(2000, 1000), SKEncodedImageFormat.Jpeg, withIccProfile: true),
            Fixtures.JpegSegment(0xE1, [.. "Exif\0\0"u8, .. Fixtures.TiffWithGps(orientation: 1)]),
            Fixtures.JpegSegment(0xE1, Encoding.ASCII.GetBytes($"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">{XmpSecret}</x:xmpmeta>")),
            Fixtures.JpegSegment(0xED, Encoding.ASCII.GetBytes($"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x10\x1c\x02\x78\0\x0b{IptcSecret}")),
            Fixtures.JpegSegment(0xFE, Encoding.ASCII.GetBytes(CommentSecret)));

        // The upload really carries what must be removed.
        Assert.True(Contains(upload, "Exif\0\0"u8));
        Assert.True(Contains(upload, [0x88, 0x25]));
        Assert.True(Contains(upload, Encoding.ASCII.GetBytes(GpsSecret)));
        Assert.True(Contains(upload, Encoding.ASCII.GetBytes(XmpSecret)));
        Assert.True(Contains(upload, Encoding.ASCII.GetBytes(CommentSecret)));
        Assert.True(Contains(upload, "ICC_PROFILE"u8));
        var markers = JpegMarkers(upload);
        Assert.Contains(0xE1, markers);
        Assert.Contains(0xFE, markers);

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ImageFormatKind.Jpeg, result.Format);
        Assert.Equal(3, result.Variants.Count);
        foreach (var image in Stored(result))
        {
            Assert.Equal("image/jpeg", image.ContentType);
            AssertNoSecrets(image.Content);
            Assert.False(Contains(image.Content, "Exif\0\0"u8));
            Assert.False(Contains(image.Content, "ICC_PROFILE"u8));
            var segments = JpegMarkers(image.Content);
            Assert.DoesNotContain(0xE1, segments); // APP1: EXIF, XMP
            Assert.DoesNotContain(0xE2, segments); // APP2: ICC profile
            Assert.DoesNotContain(0xED, segments); // APP13: IPTC
            Assert.DoesNotContain(0xFE, segments); // COM
        }
    }

    [Fact]
    public void PngWithTextXmpCompressedTextAndExifChunksComesOutWithNoMetadata()
    {
        var upload = Fixtures.InsertPngChunksAfterHeader(
            Fixtures.Encode(Fixtures.Photo(1000, 600, transparentCorner: true), SKEncodedImageFormat.Png),
            Fixtures.PngChunk("tEXt", Encoding.Latin1.GetBytes($"Comment\0{PngTextSecret}")),
            Fixtures.PngChunk("iTXt", Encoding.UTF8.GetBytes($"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>{PngXmpSecret}</x:xmpmeta>")),
            Fixtures.PngChunk("zTXt", [.. "Author\0\0"u8, .. Fixtures.Zlib("Nguyễn Văn A, 0912 345 678"u8.ToArray())]),
            Fixtures.PngChunk("eXIf", Fixtures.TiffWithGps(orientation: 1)));

        var uploadChunks = PngChunkTypes(upload);
        Assert.Contains("tEXt", uploadChunks);
        Assert.Contains("iTXt", uploadChunks);
        Assert.Contains("zTXt", uploadChunks);
        Assert.Contains("eXIf", uploadChunks);
        Assert.True(Contains(upload, Encoding.ASCII.GetBytes(GpsSecret)));
        Assert.True(Contains(upload, [0x88, 0x25]));

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ImageFormatKind.Png, result.Format);
        Assert.Equal(2, result.Variants.Count);
        foreach (var image in Stored(result))
        {
            Assert.Equal("image/png", image.ContentType);
            AssertNoSecrets(image.Content);
            var chunks = PngChunkTypes(image.Content);
            Assert.All(chunks, type => Assert.DoesNotContain(type, new[] { "tEXt", "iTXt", "zTXt", "eXIf", "iCCP", "tIME" }));
            Assert.Equal("IHDR", chunks[0]);
            Assert.Equal("IEND", chunks[^1]);
        }
    }

    [Fact]
    public void WebpWithExifAndXmpChunksComesOutWithNoMetadata()
    {
        var upload = Fixtures.WebpWithMetadata(
            Fixtures.Encode(Fixtures.Photo(1200, 800), SKEncodedImageFormat.Webp),
            1200,
            800,
            Fixtures.TiffWithGps(orientation: 1),
            Encoding.UTF8.GetBytes($"<x:xmpmeta>{WebpXmpSecret}</x:xmpmeta>"));
        var uploadChunks = RiffChunkTypes(upload);
        Assert.Equal(["VP8X", "VP8 ", "EXIF", "XMP "], uploadChunks);
        Assert.True(Contains(upload, Encoding.ASCII.GetBytes(GpsSecret)));

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ImageFormatKind.Webp, result.Format);
        Assert.Equal(1200, result.Original!.Width);
        Assert.Equal(2, result.Variants.Count);
        foreach (var image in Stored(result))
        {
            Assert.Equal("image/webp", image.ContentType);
            AssertNoSecrets(image.Content);
            Assert.All(RiffChunkTypes(image.Content), type => Assert.DoesNotContain(type, new[] { "EXIF", "XMP ", "ICCP" }));
        }
    }

    [Fact]
    public void PolyglotWithAPayloadAfterAValidJpegIsStoredWithoutThePayload()
    {
        var upload = Fixtures.Encode(Fixtures.Photo(300, 200), SKEncodedImageFormat.Jpeg)
            .Concat("<script>alert('x')</script>PK\x03\x04"u8.ToArray()).ToArray();

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(Contains(result.Original!.Content, "<script>"u8));
    }

    // ---- Orientation -----------------------------------------------------------------------

    [Fact]
    public void JpegWithExifOrientationSixIsRotatedUpright()
    {
        var upload = Fixtures.JpegWithOrientation(Fixtures.CornerMarkers(400, 200), 6);

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(200, result.Width);
        Assert.Equal(400, result.Height);
        Assert.Equal(200, result.Original!.Width);
        Assert.Empty(result.Variants);
        using var stored = SKBitmap.Decode(result.Original.Content);
        Assert.Equal(200, stored.Width);
        Assert.Equal(400, stored.Height);
        // Rotated 90° clockwise: the red top-left corner is now top-right, the green top-right bottom-right.
        AssertColor(SKColors.Red, stored.GetPixel(190, 10));
        AssertColor(SKColors.Lime, stored.GetPixel(190, 390));
        AssertColor(SKColors.Blue, stored.GetPixel(10, 10));
        AssertBlock(stored, Corner.TopRight, SKColors.Red);
        AssertBlock(stored, Corner.BottomRight, SKColors.Lime);
    }

    [Fact]
    public void WebpWithExifOrientationSixIsRotatedUpright()
    {
        var upload = Fixtures.WebpWithMetadata(
            Fixtures.Encode(Fixtures.CornerMarkers(400, 200), SKEncodedImageFormat.Webp),
            400,
            200,
            Fixtures.TiffWithGps(orientation: 6),
            "<x:xmpmeta/>"u8.ToArray());

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((200, 400), (result.Width, result.Height));
        using var stored = SKBitmap.Decode(result.Original!.Content);
        Assert.Equal((200, 400), (stored.Width, stored.Height));
        AssertBlock(stored, Corner.TopRight, SKColors.Red);
        AssertBlock(stored, Corner.BottomRight, SKColors.Lime);
    }

    [Theory]
    [InlineData(1, Corner.TopLeft, Corner.TopRight)]
    [InlineData(2, Corner.TopRight, Corner.TopLeft)]
    [InlineData(3, Corner.BottomRight, Corner.BottomLeft)]
    [InlineData(4, Corner.BottomLeft, Corner.BottomRight)]
    [InlineData(5, Corner.TopLeft, Corner.BottomLeft)]
    [InlineData(6, Corner.TopRight, Corner.BottomRight)]
    [InlineData(7, Corner.BottomRight, Corner.TopRight)]
    [InlineData(8, Corner.BottomLeft, Corner.TopLeft)]
    public void EveryExifOrientationEndsUpright(int orientation, Corner red, Corner green)
    {
        var upload = Fixtures.JpegWithOrientation(Fixtures.CornerMarkers(320, 160), orientation);

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        var (width, height) = orientation >= 5 ? (160, 320) : (320, 160);
        Assert.Equal((width, height), (result.Width, result.Height));
        using var stored = SKBitmap.Decode(result.Original!.Content);
        Assert.Equal((width, height), (stored.Width, stored.Height));
        AssertBlock(stored, red, SKColors.Red);
        AssertBlock(stored, green, SKColors.Lime);
    }

    [Fact]
    public void RotatedLargeJpegIsRotatedBeforeItsWidthIsLimited()
    {
        // Stored lying down as 3000×2500 with orientation 8: upright it is 2500×3000.
        var upload = Fixtures.JpegWithOrientation(Fixtures.CornerMarkers(3000, 2500), 8);

        var result = _processor.Process(upload);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2500, 3000), (result.Width, result.Height));
        Assert.Equal(2400, result.Original!.Width);
        Assert.Equal([480, 960, 1600], result.Variants.Select(v => v.Width));
        using var stored = SKBitmap.Decode(result.Original.Content);
        Assert.Equal((2400, 2880), (stored.Width, stored.Height));
        AssertBlock(stored, Corner.BottomLeft, SKColors.Red);
        AssertBlock(stored, Corner.TopLeft, SKColors.Lime);
    }

    // ---- Sizes -----------------------------------------------------------------------------

    [Fact]
    public void TwoThousandPixelPhotoGetsThreeVariantsAndKeepsItsFullWidth()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(2000, 1000), SKEncodedImageFormat.Jpeg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Null(result.Error);
        Assert.Equal((2000, 1000), (result.Width, result.Height));
        Assert.Equal((2000, 1000), DecodedSize(result.Original!));
        Assert.Equal([480, 960, 1600], result.Variants.Select(v => v.Width));
        Assert.Equal([(480, 240), (960, 480), (1600, 800)], result.Variants.Select(DecodedSize));
    }

    [Fact]
    public void PhotoWiderThanTheStoredWidthIsDownscaledTo2400()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(3000, 1500), SKEncodedImageFormat.Jpeg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3000, 1500), (result.Width, result.Height));
        Assert.Equal(2400, result.Original!.Width);
        Assert.Equal((2400, 1200), DecodedSize(result.Original));
        Assert.Equal([(480, 240), (960, 480), (1600, 800)], result.Variants.Select(DecodedSize));
    }

    [Fact]
    public void FiveHundredPixelPhotoGetsOnlyTheNarrowestVariant()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(500, 300), SKEncodedImageFormat.Jpeg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((500, 300), DecodedSize(result.Original!));
        var variant = Assert.Single(result.Variants);
        Assert.Equal((480, 288), DecodedSize(variant));
    }

    [Fact]
    public void StoredHeightsAreTheOnesCallersRecomputeFromTheResult()
    {
        // 1002 × 480 / 1920 = 250.5: a tie, which Math.Round settles to the even 250.
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(1920, 1002), SKEncodedImageFormat.Jpeg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((480, 250), DecodedSize(result.Variants[0]));
        foreach (var image in Stored(result))
        {
            Assert.Equal((int)Math.Round(result.Height * (double)image.Width / result.Width), DecodedSize(image).Height);
        }
    }

    [Fact]
    public void PhotoNarrowerThanEveryVariantGetsNoVariant()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(480, 300), SKEncodedImageFormat.Jpeg));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(480, result.Original!.Width);
        Assert.Empty(result.Variants);
    }

    [Fact]
    public void DownscalingKeepsTheColoursOfTheImage()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.CornerMarkers(2000, 1000), SKEncodedImageFormat.Png));

        Assert.True(result.Succeeded, result.Error);
        using var smallest = SKBitmap.Decode(result.Variants[0].Content);
        Assert.Equal((480, 240), (smallest.Width, smallest.Height));
        AssertColor(SKColors.Red, PixelAt(smallest, Corner.TopLeft));
        AssertColor(SKColors.Lime, PixelAt(smallest, Corner.TopRight));
        AssertColor(SKColors.Blue, smallest.GetPixel(240, 200));
    }

    // ---- Formats ---------------------------------------------------------------------------

    [Fact]
    public void PngKeepsItsTransparency()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(1000, 500, transparentCorner: true), SKEncodedImageFormat.Png));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ImageFormatKind.Png, result.Format);
        foreach (var image in Stored(result))
        {
            Assert.Equal("image/png", image.ContentType);
            Assert.True(image.Content.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
            using var decoded = SKBitmap.Decode(image.Content);
            Assert.Equal(0, decoded.GetPixel(1, 1).Alpha);
            Assert.Equal(255, decoded.GetPixel(decoded.Width / 2, decoded.Height / 2).Alpha);
        }
    }

    [Fact]
    public void WebpIsStoredAsWebp()
    {
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(1000, 500), SKEncodedImageFormat.Webp));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ImageFormatKind.Webp, result.Format);
        Assert.Equal([480, 960], result.Variants.Select(v => v.Width));
        foreach (var image in Stored(result))
        {
            Assert.Equal("image/webp", image.ContentType);
            Assert.True(image.Content.AsSpan(0, 4).SequenceEqual("RIFF"u8));
            Assert.True(image.Content.AsSpan(8, 4).SequenceEqual("WEBP"u8));
        }

        Assert.Equal([(480, 240), (960, 480)], result.Variants.Select(DecodedSize));
    }

    [Fact]
    public void FormatIsRecognisedByContentNotByAnyName()
    {
        // The processor never sees a name or a declared type: PNG bytes are a PNG whatever they are called.
        var result = _processor.Process(Fixtures.Encode(Fixtures.Photo(100, 50), SKEncodedImageFormat.Png));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ImageFormatKind.Png, result.Format);
        Assert.Equal("image/png", result.Original!.ContentType);
    }

    // ---- Hostile uploads -------------------------------------------------------------------

    public static TheoryData<string, byte[], string> HostileUploads()
    {
        var jpeg = Fixtures.Encode(Fixtures.Photo(600, 400), SKEncodedImageFormat.Jpeg);
        var png = Fixtures.Encode(Fixtures.Photo(600, 400), SKEncodedImageFormat.Png);
        var webp = Fixtures.Encode(Fixtures.Photo(600, 400), SKEncodedImageFormat.Webp);
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        return new TheoryData<string, byte[], string>
        {
            { "empty", [], ImageProcessingMessages.Empty },
            { "three random bytes", [0x17, 0xA4, 0x3C], ImageProcessingMessages.UnsupportedFormat },
            { "text file named .jpg", Encoding.UTF8.GetBytes("Đây là một tệp văn bản, không phải ảnh.\n"), ImageProcessingMessages.UnsupportedFormat },
            { "GIF", Fixtures.Gif1x1, ImageProcessingMessages.UnsupportedFormat },
            { "BMP", Fixtures.Bmp1x1(), ImageProcessingMessages.UnsupportedFormat },
            { "TIFF", [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00], ImageProcessingMessages.UnsupportedFormat },
            { "ICO", [0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x01, 0x00, 0x00], ImageProcessingMessages.UnsupportedFormat },
            { "SVG", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"), ImageProcessingMessages.UnsupportedFormat },
            { "HTML", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"), ImageProcessingMessages.UnsupportedFormat },
            { "PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"), ImageProcessingMessages.UnsupportedFormat },
            { "HEIC", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8], ImageProcessingMessages.UnsupportedFormat },
            { "RIFF that is not WebP (WAV)", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8], ImageProcessingMessages.UnsupportedFormat },
            { "JPEG magic then garbage", [0xFF, 0xD8, 0xFF, .. garbage], ImageProcessingMessages.Corrupt },
            { "PNG signature then garbage", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. garbage], ImageProcessingMessages.Corrupt },
            { "WebP header then garbage", [.. "RIFF"u8, 0x00, 0x10, 0, 0, .. "WEBP"u8, .. garbage], ImageProcessingMessages.Corrupt },
            { "JPEG truncated at half", jpeg[..(jpeg.Length / 2)], ImageProcessingMessages.Corrupt },
            { "JPEG without its end", jpeg[..^200], ImageProcessingMessages.Corrupt },
            { "PNG truncated at half", png[..(png.Length / 2)], ImageProcessingMessages.Corrupt },
            { "PNG without IEND and last IDAT bytes", png[..^40], ImageProcessingMessages.Corrupt },
            { "WebP truncated at half", webp[..(webp.Length / 2)], ImageProcessingMessages.Corrupt },
            { "PNG bomb declaring 60000×60000", Fixtures.PngDeclaring(60_000, 60_000), ImageProcessingMessages.TooManyPixels(60_000, 60_000) },
            { "PNG 100000 pixels wide", Fixtures.PngDeclaring(100_000, 1), ImageProcessingMessages.TooManyPixels(100_000, 1) },
            { "PNG 1×100000", Fixtures.PngDeclaring(1, 100_000), ImageProcessingMessages.TooManyPixels(1, 100_000) },
        };
    }

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public void HostileUploadIsRefusedWithAVietnameseMessage(string name, byte[] upload, string expected)
    {
        var result = _processor.Process(upload);

        Assert.False(result.Succeeded, name);
        Assert.Equal(expected, result.Error);
        Assert.Null(result.Original);
        Assert.Empty(result.Variants);
    }

    [Fact]
    public void RefusalMessagesReadAsExpected()
    {
        Assert.Equal("Tệp ảnh trống.", ImageProcessingMessages.Empty);
        Assert.Equal("Chỉ chấp nhận ảnh JPEG, PNG hoặc WebP.", ImageProcessingMessages.UnsupportedFormat);
        Assert.Equal("Tệp ảnh bị hỏng hoặc không đầy đủ.", ImageProcessingMessages.Corrupt);
        Assert.Equal("Ảnh có kích thước quá lớn (60000×60000 điểm ảnh).", ImageProcessingMessages.TooManyPixels(60_000, 60_000));
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (10 MB).", ImageProcessingMessages.TooLarge(10 * 1024 * 1024));
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (1,5 MB).", ImageProcessingMessages.TooLarge(1536 * 1024));
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (2 KB).", ImageProcessingMessages.TooLarge(2048));
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (900 byte).", ImageProcessingMessages.TooLarge(900));
    }

    [Fact]
    public void PixelLimitIsCheckedBeforeDecoding()
    {
        var processor = new ImageProcessor(new ImageProcessingOptions { MaxPixels = 10_000 });
        var upload = Fixtures.Encode(Fixtures.Photo(200, 100), SKEncodedImageFormat.Jpeg);

        var result = processor.Process(upload);

        Assert.False(result.Succeeded);
        Assert.Equal("Ảnh có kích thước quá lớn (200×100 điểm ảnh).", result.Error);
    }

    [Fact]
    public void DefaultSizeLimitRefusesAnUploadOfTenMegabytesAndOneByte()
    {
        var upload = new byte[(10 * 1024 * 1024) + 1];
        upload[0] = 0xFF;
        upload[1] = 0xD8;
        upload[2] = 0xFF;

        var result = _processor.Process(upload);

        Assert.False(result.Succeeded);
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (10 MB).", result.Error);
    }

    [Fact]
    public void UploadOverTheConfiguredSizeIsRefused()
    {
        var processor = new ImageProcessor(new ImageProcessingOptions { MaxBytes = 2048 });
        var upload = Fixtures.Encode(Fixtures.Photo(600, 400), SKEncodedImageFormat.Jpeg);
        Assert.True(upload.Length > 2048);

        var result = processor.Process(upload);

        Assert.False(result.Succeeded);
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (2 KB).", result.Error);
    }

    [Fact]
    public void UploadOfExactlyTheConfiguredSizeIsAccepted()
    {
        var upload = Fixtures.Encode(Fixtures.Photo(100, 60), SKEncodedImageFormat.Png);
        var processor = new ImageProcessor(new ImageProcessingOptions { MaxBytes = upload.Length });

        Assert.True(processor.Process(upload).Succeeded);
    }

    [Fact]
    public async Task StreamOverloadProcessesAnUpload()
    {
        using var stream = new MemoryStream(Fixtures.Encode(Fixtures.Photo(1000, 500), SKEncodedImageFormat.Jpeg));

        var result = await _processor.ProcessAsync(stream);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([480, 960], result.Variants.Select(v => v.Width));
    }

    [Fact]
    public async Task StreamOverloadReadsANonSeekableUploadInFull()
    {
        var bytes = Fixtures.Encode(Fixtures.Photo(1000, 500), SKEncodedImageFormat.Png);
        using var stream = new EndlessStream(bytes, bytes.Length, chunk: 1000);

        var result = await _processor.ProcessAsync(stream);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(bytes.Length, stream.BytesRead);
    }

    [Fact]
    public async Task StreamOverloadRefusesAnOversizedStreamAfterReadingOneByteMoreThanTheLimit()
    {
        var processor = new ImageProcessor(new ImageProcessingOptions { MaxBytes = 100_000 });
        var jpeg = Fixtures.Encode(Fixtures.Photo(200, 100), SKEncodedImageFormat.Jpeg);
        using var stream = new EndlessStream(jpeg, length: 1L << 40, chunk: 65_536);

        var result = await processor.ProcessAsync(stream);

        Assert.False(result.Succeeded);
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (97,7 KB).", result.Error);
        Assert.Equal(100_001, stream.BytesRead);
    }

    [Fact]
    public async Task StreamOverloadRefusesAnOversizedSeekableStreamWithoutReadingIt()
    {
        var processor = new ImageProcessor(new ImageProcessingOptions { MaxBytes = 1024 * 1024 });
        using var stream = new MemoryStream(new byte[(2 * 1024 * 1024) + 5]);

        var result = await processor.ProcessAsync(stream);

        Assert.False(result.Succeeded);
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (1 MB).", result.Error);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task StreamOverloadRefusesAnEmptyStream()
    {
        using var stream = new MemoryStream();

        var result = await _processor.ProcessAsync(stream);

        Assert.Equal(ImageProcessingMessages.Empty, result.Error);
    }

    // ---- Concurrency -----------------------------------------------------------------------

    [Fact]
    public void ConcurrentUploadsGiveTheSameResultAsOneAtATime()
    {
        var jpeg = Fixtures.JpegWithOrientation(Fixtures.Photo(1000, 700), 6);
        var png = Fixtures.Encode(Fixtures.Photo(700, 500, transparentCorner: true), SKEncodedImageFormat.Png);
        var expectedJpeg = _processor.Process(jpeg);
        var expectedPng = _processor.Process(png);

        var results = new ImageProcessingResult[8];
        Parallel.For(0, results.Length, i => results[i] = _processor.Process(i % 2 == 0 ? jpeg : png));

        for (var i = 0; i < results.Length; i++)
        {
            var expected = i % 2 == 0 ? expectedJpeg : expectedPng;
            Assert.True(results[i].Succeeded, results[i].Error);
            Assert.Equal(expected.Original!.Content, results[i].Original!.Content);
            Assert.Equal(expected.Variants.Select(v => v.Content), results[i].Variants.Select(v => v.Content));
        }
    }


    // ---- Helpers ---------------------------------------------------------------------------

    public enum Corner
    {
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight,
    }

    private static IEnumerable<ProcessedImage> Stored(ImageProcessingResult result) => [result.Original!, .. result.Variants];

    private static (int Width, int Height) DecodedSize(ProcessedImage image)
    {
        using var data = SKData.CreateCopy(image.Content);
        using var codec = SKCodec.Create(data);
        Assert.NotNull(codec);
        Assert.Equal(image.Width, codec.Info.Width);
        return (codec.Info.Width, codec.Info.Height);
    }

    private static SKColor PixelAt(SKBitmap bitmap, Corner corner)
    {
        // A point well inside the corner block (each block is a quarter of the width and height).
        var x = corner is Corner.TopLeft or Corner.BottomLeft ? bitmap.Width / 16 : bitmap.Width - 1 - (bitmap.Width / 16);
        var y = corner is Corner.TopLeft or Corner.TopRight ? bitmap.Height / 16 : bitmap.Height - 1 - (bitmap.Height / 16);
        return bitmap.GetPixel(x, y);
    }

    /// <summary>
    /// The marker block in <paramref name="corner"/> covers exactly a quarter of the width and the
    /// height: just inside its inner edges it has the colour, just outside it is the blue background.
    /// </summary>
    private static void AssertBlock(SKBitmap bitmap, Corner corner, SKColor color)
    {
        var left = corner is Corner.TopLeft or Corner.BottomLeft;
        var top = corner is Corner.TopLeft or Corner.TopRight;
        var (dx, dy) = (Math.Max(8, bitmap.Width / 40), Math.Max(8, bitmap.Height / 40));
        var edgeX = left ? bitmap.Width / 4 : bitmap.Width - (bitmap.Width / 4);
        var edgeY = top ? bitmap.Height / 4 : bitmap.Height - (bitmap.Height / 4);
        var insideX = left ? edgeX - dx : edgeX + dx;
        var insideY = top ? edgeY - dy : edgeY + dy;
        var outsideX = left ? edgeX + dx : edgeX - dx;
        var outsideY = top ? edgeY + dy : edgeY - dy;
        var cornerX = left ? 0 : bitmap.Width - 1;
        var cornerY = top ? 0 : bitmap.Height - 1;

        AssertColor(color, bitmap.GetPixel(cornerX, cornerY));
        AssertColor(color, bitmap.GetPixel(insideX, insideY));
        AssertColor(color, bitmap.GetPixel(cornerX, insideY));
        AssertColor(color, bitmap.GetPixel(insideX, cornerY));
        AssertColor(SKColors.Blue, bitmap.GetPixel(outsideX, insideY));
        AssertColor(SKColors.Blue, bitmap.GetPixel(insideX, outsideY));
    }

    private static void AssertColor(SKColor expected, SKColor actual)
    {
        // JPEG is lossy (and subsamples colour): allow some drift per channel away from edges.
        const int Tolerance = 40;
        Assert.True(
            Math.Abs(expected.Red - actual.Red) <= Tolerance
            && Math.Abs(expected.Green - actual.Green) <= Tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= Tolerance,
            $"Expected about {expected}, got {actual}.");
    }

    private static void AssertNoSecrets(byte[] content)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(Contains(content, Encoding.ASCII.GetBytes(secret)), $"Output contains {secret}.");
        }

        Assert.False(Contains(content, "xmpmeta"u8));
        Assert.False(Contains(content, "Photoshop 3.0"u8));
        Assert.False(Contains(content, "Nguy"u8));
    }

    private static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;

    /// <summary>The markers of a JPEG's segments up to the start of the scan, read the way a decoder reads them.</summary>
    private static List<int> JpegMarkers(byte[] jpeg)
    {
        Assert.True(jpeg is [0xFF, 0xD8, ..]);
        var markers = new List<int>();
        var position = 2;
        while (position + 4 <= jpeg.Length)
        {
            Assert.Equal(0xFF, jpeg[position]);
            var marker = jpeg[position + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                // After the scan header comes entropy-coded data, where 0xFF is always followed by 0x00
                // or a restart marker; a metadata segment after the scan would be found here.
                for (var i = position + 2; i + 1 < jpeg.Length; i++)
                {
                    if (jpeg[i] == 0xFF && jpeg[i + 1] is not (0x00 or (>= 0xD0 and <= 0xD7)) and not 0xFF)
                    {
                        markers.Add(jpeg[i + 1]);
                    }
                }

                break;
            }

            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }

        return markers;
    }

    private static List<string> PngChunkTypes(byte[] png)
    {
        var types = new List<string>();
        var position = 8;
        while (position + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            types.Add(Encoding.ASCII.GetString(png, position + 4, 4));
            position += 12 + length;
        }

        return types;
    }

    private static List<string> RiffChunkTypes(byte[] webp)
    {
        var types = new List<string>();
        var position = 12;
        while (position + 8 <= webp.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(webp.AsSpan(position + 4));
            types.Add(Encoding.ASCII.GetString(webp, position, 4));
            position += 8 + length + (length & 1);
        }

        return types;
    }

    /// <summary>A non-seekable upload of <c>length</c> bytes that repeats <c>content</c>, and counts what was read.</summary>
    private sealed class EndlessStream(byte[] content, long length, int chunk) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(Math.Min(buffer.Length, chunk), length - BytesRead);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = content[(BytesRead + i) % content.Length];
            }

            BytesRead += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Builds test images with SkiaSharp and their metadata byte by byte.</summary>
    private static class Fixtures
    {
        public static readonly byte[] Gif1x1 =
        [
            .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
            0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
        ];

        /// <summary>A photo-like picture: a gradient with circles, optionally with a transparent corner.</summary>
        public static SKBitmap Photo(int width, int height, bool transparentCorner = false)
        {
            var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(bitmap);
            using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Orange], SKShaderTileMode.Clamp))
            using (var paint = new SKPaint { Shader = shader })
            {
                canvas.DrawRect(0, 0, width, height, paint);
            }

            using (var paint = new SKPaint { Color = SKColors.White.WithAlpha(160), IsAntialias = true })
            {
                for (var i = 0; i < 12; i++)
                {
                    canvas.DrawCircle(width * (i + 0.5f) / 12, height / 2f, Math.Min(width, height) / 10f, paint);
                }
            }

            if (transparentCorner)
            {
                using var clear = new SKPaint { BlendMode = SKBlendMode.Clear };
                canvas.DrawRect(0, 0, width / 8f, height / 8f, clear);
            }

            return bitmap;
        }

        /// <summary>Blue, with a red top-left and a green top-right quarter block, to follow the orientation.</summary>
        public static SKBitmap CornerMarkers(int width, int height)
        {
            var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.Blue);
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 4f, height / 4f, paint);
            paint.Color = SKColors.Lime;
            canvas.DrawRect(width * 3 / 4f, 0, width / 4f, height / 4f, paint);
            return bitmap;
        }

        /// <summary>Encodes and disposes the bitmap. With an ICC profile, Skia writes an APP2 segment into a JPEG.</summary>
        public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, bool withIccProfile = false)
        {
            using (bitmap)
            {
                var info = bitmap.Info.WithColorSpace(withIccProfile ? SKColorSpace.CreateSrgb() : null);
                using var pixmap = new SKPixmap(info, bitmap.GetPixels(), bitmap.RowBytes);
                using var data = format switch
                {
                    SKEncodedImageFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(90)),
                    SKEncodedImageFormat.Png => pixmap.Encode(SKPngEncoderOptions.Default),
                    _ => pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 90)),
                };
                Assert.NotNull(data);
                return data.ToArray();
            }
        }

        public static byte[] JpegWithOrientation(SKBitmap bitmap, int orientation) =>
            InsertAfterSoi(Encode(bitmap, SKEncodedImageFormat.Jpeg), JpegSegment(0xE1, [.. "Exif\0\0"u8, .. TiffWithGps(orientation)]));

        public static byte[] JpegSegment(byte marker, byte[] payload)
        {
            var segment = new byte[4 + payload.Length];
            segment[0] = 0xFF;
            segment[1] = marker;
            BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
            payload.CopyTo(segment, 4);
            return segment;
        }

        public static byte[] InsertAfterSoi(byte[] jpeg, params byte[][] segments)
        {
            Assert.True(jpeg is [0xFF, 0xD8, ..]);
            return [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];
        }

        /// <summary>
        /// A big-endian TIFF structure as found in EXIF: IFD0 with Orientation, Make, and a pointer
        /// (tag 0x8825) to a GPS IFD with GPSVersionID, latitude, longitude (rationals) and a map
        /// datum text that carries <see cref="GpsSecret"/>.
        /// </summary>
        public static byte[] TiffWithGps(int orientation)
        {
            var make = Encoding.ASCII.GetBytes("NewsCam\0");
            var datum = Encoding.ASCII.GetBytes(GpsSecret + "\0");
            const int Ifd0Offset = 8;
            const int Ifd0Entries = 3;
            const int GpsIfdOffset = Ifd0Offset + 2 + (Ifd0Entries * 12) + 4;
            const int GpsEntries = 6;
            const int DataOffset = GpsIfdOffset + 2 + (GpsEntries * 12) + 4;
            var makeOffset = DataOffset;
            var latitudeOffset = makeOffset + make.Length;
            var longitudeOffset = latitudeOffset + 24;
            var datumOffset = longitudeOffset + 24;

            var tiff = new byte[datumOffset + datum.Length];
            var span = tiff.AsSpan();
            "MM"u8.CopyTo(span);
            BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
            BinaryPrimitives.WriteUInt32BigEndian(span[4..], Ifd0Offset);

            var at = Ifd0Offset;
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], Ifd0Entries);
            at += 2;
            at = Entry(span, at, 0x010F, 2, (uint)make.Length, (uint)makeOffset); // Make (ASCII)
            at = Entry(span, at, 0x0112, 3, 1, (uint)orientation << 16); // Orientation (SHORT, left-justified)
            at = Entry(span, at, 0x8825, 4, 1, GpsIfdOffset); // GPSInfo IFD pointer (LONG)
            BinaryPrimitives.WriteUInt32BigEndian(span[at..], 0);

            at = GpsIfdOffset;
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], GpsEntries);
            at += 2;
            at = Entry(span, at, 0x0000, 1, 4, 0x02020000); // GPSVersionID 2.2.0.0 (BYTE×4)
            at = Entry(span, at, 0x0001, 2, 2, (uint)'N' << 24); // GPSLatitudeRef "N"
            at = Entry(span, at, 0x0002, 5, 3, (uint)latitudeOffset); // GPSLatitude (RATIONAL×3)
            at = Entry(span, at, 0x0003, 2, 2, (uint)'E' << 24); // GPSLongitudeRef "E"
            at = Entry(span, at, 0x0004, 5, 3, (uint)longitudeOffset); // GPSLongitude (RATIONAL×3)
            at = Entry(span, at, 0x0012, 2, (uint)datum.Length, (uint)datumOffset); // GPSMapDatum (ASCII)
            BinaryPrimitives.WriteUInt32BigEndian(span[at..], 0);

            make.CopyTo(span[makeOffset..]);
            Rationals(span[latitudeOffset..], (21, 1), (1, 1), (4260, 100)); // 21°01'42.60" N
            Rationals(span[longitudeOffset..], (105, 1), (51, 1), (1200, 100)); // 105°51'12.00" E
            datum.CopyTo(span[datumOffset..]);
            return tiff;

            static int Entry(Span<byte> span, int at, ushort tag, ushort type, uint count, uint value)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[at..], tag);
                BinaryPrimitives.WriteUInt16BigEndian(span[(at + 2)..], type);
                BinaryPrimitives.WriteUInt32BigEndian(span[(at + 4)..], count);
                BinaryPrimitives.WriteUInt32BigEndian(span[(at + 8)..], value);
                return at + 12;
            }

            static void Rationals(Span<byte> span, params (uint Numerator, uint Denominator)[] values)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(span[(i * 8)..], values[i].Numerator);
                    BinaryPrimitives.WriteUInt32BigEndian(span[((i * 8) + 4)..], values[i].Denominator);
                }
            }
        }

        public static byte[] PngChunk(string type, byte[] body)
        {
            var chunk = new byte[12 + body.Length];
            BinaryPrimitives.WriteInt32BigEndian(chunk, body.Length);
            Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
            body.CopyTo(chunk, 8);
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
            return chunk;
        }

        public static byte[] InsertPngChunksAfterHeader(byte[] png, params byte[][] chunks)
        {
            // Signature (8) + IHDR (4 length + 4 type + 13 body + 4 CRC).
            const int AfterHeader = 8 + 25;
            Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
            return [.. png[..AfterHeader], .. chunks.SelectMany(c => c), .. png[AfterHeader..]];
        }

        /// <summary>A well-formed PNG header declaring the given size, followed by one tiny IDAT: a decompression bomb.</summary>
        public static byte[] PngDeclaring(int width, int height)
        {
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bit depth
            header[9] = 2; // colour type: RGB
            return
            [
                0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
                .. PngChunk("IHDR", header),
                .. PngChunk("IDAT", Zlib(new byte[64])),
                .. PngChunk("IEND", []),
            ];
        }

        public static byte[] Zlib(byte[] data)
        {
            using var output = new MemoryStream();
            using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(data);
            }

            return output.ToArray();
        }

        /// <summary>
        /// Rewraps a simple lossy WebP (RIFF, WEBP, one VP8 chunk) as an extended one: a VP8X chunk
        /// announcing EXIF and XMP, the VP8 chunk, then EXIF and XMP chunks.
        /// </summary>
        public static byte[] WebpWithMetadata(byte[] simpleWebp, int width, int height, byte[] exif, byte[] xmp)
        {
            Assert.Equal("VP8 ", Encoding.ASCII.GetString(simpleWebp, 12, 4));
            var vp8 = simpleWebp[12..];

            var vp8x = new byte[10];
            vp8x[0] = 0x08 | 0x04; // EXIF and XMP flags
            WriteUInt24LittleEndian(vp8x.AsSpan(4), width - 1);
            WriteUInt24LittleEndian(vp8x.AsSpan(7), height - 1);

            byte[] body = [.. "WEBP"u8, .. RiffChunk("VP8X", vp8x), .. vp8, .. RiffChunk("EXIF", exif), .. RiffChunk("XMP ", xmp)];
            var riff = new byte[8 + body.Length];
            "RIFF"u8.CopyTo(riff);
            BinaryPrimitives.WriteInt32LittleEndian(riff.AsSpan(4), body.Length);
            body.CopyTo(riff, 8);
            return riff;

            static byte[] RiffChunk(string type, byte[] payload)
            {
                var chunk = new byte[8 + payload.Length + (payload.Length & 1)];
                Encoding.ASCII.GetBytes(type).CopyTo(chunk, 0);
                BinaryPrimitives.WriteInt32LittleEndian(chunk.AsSpan(4), payload.Length);
                payload.CopyTo(chunk, 8);
                return chunk;
            }

            static void WriteUInt24LittleEndian(Span<byte> span, int value)
            {
                span[0] = (byte)value;
                span[1] = (byte)(value >> 8);
                span[2] = (byte)(value >> 16);
            }
        }

        /// <summary>A 1×1 24-bit BMP: file header, BITMAPINFOHEADER and one padded row.</summary>
        public static byte[] Bmp1x1()
        {
            var bmp = new byte[58];
            "BM"u8.CopyTo(bmp);
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 1);
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 1);
            BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
            BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
            bmp[54] = 0xFF;
            return bmp;
        }

        private static uint Crc32(ReadOnlySpan<byte> data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return ~crc;
        }
    }
}
