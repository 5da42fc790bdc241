using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Media;

/// <summary>
/// Photos made in the test with SkiaSharp, and their metadata written byte by byte (the same
/// builders as the unit tests of the image processor).
/// </summary>
public static class TestImages
{
    public const string GpsMarker = "GPS-MARKER-21.0285";
    public const string XmpMarker = "XMP-MARKER-HOI-NGHI";
    public const string CommentMarker = "COMMENT-MARKER-PHONG-VIEN";
    public const string CameraMarker = "NewsCam-Serial-0042";

    public static readonly IReadOnlyList<string> Markers = [GpsMarker, XmpMarker, CommentMarker, CameraMarker];

    public static readonly byte[] Gif1x1 =
    [
        .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>A photo-like picture: a gradient with a row of circles.</summary>
    public static SKBitmap Photo(int width, int height)
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

        return bitmap;
    }

    /// <summary>Encodes (and disposes) the bitmap as a plain JPEG, PNG or WebP without metadata.</summary>
    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using (bitmap)
        {
            using var pixmap = new SKPixmap(bitmap.Info.WithColorSpace(null), bitmap.GetPixels(), bitmap.RowBytes);
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

    public static byte[] Jpeg(int width, int height) => Encode(Photo(width, height), SKEncodedImageFormat.Jpeg);

    /// <summary>
    /// A JPEG as a phone or an agency sends it: an EXIF APP1 with a camera make and a GPS IFD, an
    /// XMP APP1 and a COM segment, each carrying one of the <see cref="Markers"/>.
    /// </summary>
    public static byte[] JpegWithMetadata(int width, int height) => InsertAfterSoi(
        Jpeg(width, height),
        JpegSegment(0xE1, [.. "Exif\0\0"u8, .. TiffWithGps()]),
        JpegSegment(0xE1, Encoding.ASCII.GetBytes($"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">{XmpMarker}</x:xmpmeta>")),
        JpegSegment(0xFE, Encoding.ASCII.GetBytes(CommentMarker)));

    public static byte[] JpegSegment(byte marker, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(payload.Length + 2)));
        payload.CopyTo(segment, 4);
        return segment;
    }

    public static byte[] InsertAfterSoi(byte[] jpeg, params byte[][] segments)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        Assert.True(jpeg is [0xFF, 0xD8, ..]);
        return [.. jpeg[..2], .. segments.SelectMany(s => s), .. jpeg[2..]];
    }

    /// <summary>
    /// A big-endian TIFF structure as found in EXIF: IFD0 with Orientation 1, Make (the camera
    /// marker) and a pointer (tag 0x8825) to a GPS IFD with latitude, longitude and a map datum
    /// text carrying <see cref="GpsMarker"/>.
    /// </summary>
    public static byte[] TiffWithGps()
    {
        var make = Encoding.ASCII.GetBytes(CameraMarker + "\0");
        var datum = Encoding.ASCII.GetBytes(GpsMarker + "\0");
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
        at = Entry(span, at, 0x0112, 3, 1, 1u << 16); // Orientation 1 (SHORT, left-justified)
        at = Entry(span, at, 0x8825, 4, 1, GpsIfdOffset); // GPSInfo IFD pointer (LONG)
        BinaryPrimitives.WriteUInt32BigEndian(span[at..], 0);

        at = GpsIfdOffset;
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], GpsEntries);
        at += 2;
        at = Entry(span, at, 0x0000, 1, 4, 0x02020000); // GPSVersionID 2.2.0.0
        at = Entry(span, at, 0x0001, 2, 2, (uint)'N' << 24); // GPSLatitudeRef "N"
        at = Entry(span, at, 0x0002, 5, 3, (uint)latitudeOffset); // GPSLatitude (RATIONAL×3)
        at = Entry(span, at, 0x0003, 2, 2, (uint)'E' << 24); // GPSLongitudeRef "E"
        at = Entry(span, at, 0x0004, 5, 3, (uint)longitudeOffset); // GPSLongitude (RATIONAL×3)
        at = Entry(span, at, 0x0012, 2, (uint)datum.Length, (uint)datumOffset); // GPSMapDatum (ASCII)
        BinaryPrimitives.WriteUInt32BigEndian(span[at..], 0);

        make.CopyTo(span[makeOffset..]);
        Rationals(span[latitudeOffset..], (21, 1), (1, 1), (4260, 100));
        Rationals(span[longitudeOffset..], (105, 1), (51, 1), (1200, 100));
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

    /// <summary>A well-formed PNG header declaring the given size, then one tiny IDAT: a decompression bomb.</summary>
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

    public static byte[] PngChunk(string type, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var chunk = new byte[12 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, body.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        body.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + body.Length), Crc32(chunk.AsSpan(4, 4 + body.Length)));
        return chunk;
    }

    public static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;

    /// <summary>The markers of a JPEG's segments (and any marker after the scan), read the way a decoder reads them.</summary>
    public static List<int> JpegMarkers(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
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

    /// <summary>The pixel size of an encoded image, as a decoder sees it.</summary>
    public static (int Width, int Height) DecodedSize(byte[] content)
    {
        using var bitmap = SKBitmap.Decode(content);
        Assert.NotNull(bitmap);
        return (bitmap.Width, bitmap.Height);
    }

    private static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
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
