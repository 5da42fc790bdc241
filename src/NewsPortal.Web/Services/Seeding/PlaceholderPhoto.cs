using SkiaSharp;

namespace NewsPortal.Web.Services.Seeding;

/// <summary>
/// Draws a placeholder news photo (the fixture's photo is not available): a JPEG with a
/// gradient and simple shapes, different per seed, carrying no metadata.
/// </summary>
public static class PlaceholderPhoto
{
    public const int Width = 1200;
    public const int Height = 675;

    public static byte[] Create(int seed)
    {
        var random = new Random(seed);
        var hue = random.Next(0, 360);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;

        using (var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0),
            new SKPoint(Width, Height),
            [SKColor.FromHsl(hue, 45, 32), SKColor.FromHsl((hue + 40) % 360, 55, 58)],
            SKShaderTileMode.Clamp))
        using (var background = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, Width, Height, background);
        }

        using var shape = new SKPaint { IsAntialias = true };
        // A long table and rows of heads: the outline of a conference hall.
        shape.Color = new SKColor(255, 255, 255, 60);
        canvas.DrawRoundRect(new SKRect(120, 430, Width - 120, 500), 16, 16, shape);
        for (var row = 0; row < 3; row++)
        {
            for (var i = 0; i < 12; i++)
            {
                var x = 150 + (i * 82) + (row * 20) + random.Next(-8, 8);
                var y = 380 - (row * 90);
                shape.Color = new SKColor(255, 255, 255, (byte)(110 - (row * 25)));
                canvas.DrawCircle(x, y, 24 - (row * 4), shape);
                canvas.DrawRoundRect(new SKRect(x - 32 + (row * 5), y + 26, x + 32 - (row * 5), y + 80), 14, 14, shape);
            }
        }

        shape.Color = new SKColor(255, 255, 255, 90);
        canvas.DrawRect(new SKRect(Width / 2 - 220, 60, Width / 2 + 220, 150), shape);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data.ToArray();
    }
}
