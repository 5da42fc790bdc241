using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Rendering;

/// <summary>
/// The article pipeline: Markdown (tables, abbreviations, autolinks, emphasis extras; no generic
/// attributes, raw HTML escaped) → HTML, photos alone in a paragraph become
/// <c>&lt;figure&gt;</c> with their title as <c>&lt;figcaption&gt;</c>, bare image file names point
/// at the media store, and the allowlist sanitizer runs last. Rendered once on save and stored.
/// </summary>
public sealed partial class ArticleRenderer(ILogger<ArticleRenderer> logger)
{
    /// <summary>Longest Markdown accepted (characters).</summary>
    public const int MaxInputLength = Article.BodyMaxLength;

    // Markdig recurses per nesting level; a hostile document of thousands of '>' or list markers
    // could exhaust the stack, which no catch can handle. Real articles nest a few levels at most.
    private const int MaxNestingRun = 64;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseGridTables()
        .UseAbbreviations()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSafety _safety = new();

    public RenderResult Render(string? markdown)
    {
        var source = VietnameseText.Nfc(markdown) ?? string.Empty;
        if (source.Length > MaxInputLength)
        {
            return RenderResult.Fail($"Nội dung dài {source.Length:N0} ký tự, vượt giới hạn {MaxInputLength:N0} ký tự.");
        }

        if (HasExcessiveNesting(source))
        {
            return RenderResult.Fail($"Nội dung lồng nhau quá sâu (trích dẫn, danh sách hoặc ngoặc quá {MaxNestingRun} cấp).");
        }

        try
        {
            var document = Markdown.Parse(source, Pipeline);
            PointBareImagesAtMediaStore(document);
            MoveTableAlignmentToClasses(document);

            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer());
            renderer.Render(document);
            writer.Flush();
            return RenderResult.Ok(_safety.Sanitize(writer.ToString()));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRenderFailed(logger, ex, source.Length);
            return RenderResult.Fail("Không thể hiển thị nội dung này. Vui lòng kiểm tra lại cú pháp Markdown.");
        }
    }

    private static bool HasExcessiveNesting(string source)
    {
        var run = 0;
        foreach (var c in source)
        {
            run = c is '>' or '[' or '(' or '*' or '-' or '+' or '`' or '~' or '_' or '|' ? run + 1 : c is ' ' or '\t' ? run : 0;
            if (run > MaxNestingRun * 4)
            {
                return true;
            }
        }

        return false;
    }

    private static void PointBareImagesAtMediaStore(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link is { IsImage: true, Url: { Length: > 0 } url }
                && !url.Contains(':', StringComparison.Ordinal)
                && !url.Contains('/', StringComparison.Ordinal)
                && !url.StartsWith('#'))
            {
                link.Url = Media.UrlFor(url);
            }
        }
    }

    // Markdig writes column alignment as style="text-align:…"; style never reaches the page,
    // so the alignment travels as one of three allowlisted classes instead.
    private static void MoveTableAlignmentToClasses(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            foreach (var row in table.OfType<TableRow>())
            {
                foreach (var cell in row.OfType<TableCell>())
                {
                    var index = cell.ColumnIndex;
                    if (index >= 0 && index < table.ColumnDefinitions.Count && table.ColumnDefinitions[index].Alignment is { } align)
                    {
                        cell.GetAttributes().AddClass(align switch
                        {
                            TableColumnAlign.Center => "text-center",
                            TableColumnAlign.Right => "text-right",
                            _ => "text-left",
                        });
                    }
                }
            }

            foreach (var column in table.ColumnDefinitions)
            {
                column.Alignment = null;
            }
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Markdown rendering failed for a document of {Length} characters")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, int length);

    /// <summary>A paragraph holding one image and nothing else is a photo: figure + figcaption.</summary>
    private sealed class FigureParagraphRenderer : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock obj)
        {
            if (SoleImage(obj) is not { } image)
            {
                base.Write(renderer, obj);
                return;
            }

            renderer.EnsureLine();
            renderer.Write("<figure class=\"photo\">");
            renderer.Write("<img src=\"").WriteEscapeUrl(image.GetDynamicUrl?.Invoke() ?? image.Url).Write('"');
            renderer.Write(" alt=\"");
            var alt = renderer.EnableHtmlForInline;
            renderer.EnableHtmlForInline = false;
            renderer.WriteChildren(image);
            renderer.EnableHtmlForInline = alt;
            renderer.Write("\" loading=\"lazy\" decoding=\"async\">");
            if (!string.IsNullOrWhiteSpace(image.Title))
            {
                renderer.Write("<figcaption>").WriteEscape(image.Title).Write("</figcaption>");
            }

            renderer.Write("</figure>");
            renderer.EnsureLine();
        }

        private static LinkInline? SoleImage(ParagraphBlock paragraph)
        {
            LinkInline? image = null;
            if (paragraph.Inline is null)
            {
                return null;
            }

            foreach (var inline in paragraph.Inline)
            {
                switch (inline)
                {
                    case LinkInline { IsImage: true } link when image is null:
                        image = link;
                        break;
                    case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                    case LineBreakInline:
                        break;
                    default:
                        return null;
                }
            }

            return image;
        }
    }
}
