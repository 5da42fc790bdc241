using System.Globalization;
using Markdig;
using Markdig.Extensions.Abbreviations;
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

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly HtmlSafety _safety = new();

    public RenderResult Render(string? markdown)
    {
        var source = VietnameseText.Nfc(markdown) ?? string.Empty;
        if (source.Length > MaxInputLength)
        {
            return RenderResult.Fail(string.Create(Vietnamese, $"Nội dung dài {source.Length:N0} ký tự, vượt giới hạn {MaxInputLength:N0} ký tự."));
        }

        if (HasExcessiveNesting(source))
        {
            return RenderResult.Fail(string.Create(Vietnamese, $"Nội dung lồng nhau quá sâu (trích dẫn hoặc ngoặc quá {MaxNestingRun} cấp)."));
        }

        try
        {
            var document = Markdown.Parse(source, Pipeline);
            PointBareImagesAtMediaStore(document);
            DemoteHeadings(document);
            MoveTableAlignmentToClasses(document);

            using var writer = new StringWriter();
            var renderer = new HtmlRenderer(writer);
            Pipeline.Setup(renderer);
            renderer.ObjectRenderers.Replace<ParagraphRenderer>(new FigureParagraphRenderer());
            renderer.ObjectRenderers.Replace<HtmlAbbreviationRenderer>(new EscapingAbbreviationRenderer());
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

    /// <summary>
    /// Counts what Markdig turns into nested blocks or inlines: runs of '>' (block quotes, spaces
    /// between them allowed) and unclosed '[' or '(' (links, images). Runs of '-', '|' or '*' are
    /// rules, table separators and emphasis, which do not nest.
    /// </summary>
    private static bool HasExcessiveNesting(string source)
    {
        var quoteRun = 0;
        var openBrackets = 0;
        var openParens = 0;
        foreach (var c in source)
        {
            quoteRun = c switch { '>' => quoteRun + 1, ' ' or '\t' => quoteRun, _ => 0 };
            openBrackets = c switch { '[' => openBrackets + 1, ']' => Math.Max(0, openBrackets - 1), _ => openBrackets };
            openParens = c switch { '(' => openParens + 1, ')' => Math.Max(0, openParens - 1), _ => openParens };
            if (quoteRun > MaxNestingRun || openBrackets > MaxNestingRun * 4 || openParens > MaxNestingRun * 4)
            {
                return true;
            }
        }

        return false;
    }

    // The article's title is the page's only h1: "# Heading" in the body becomes an h2.
    private static void DemoteHeadings(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.Level == 1))
        {
            heading.Level = 2;
        }
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
                var position = 0;
                foreach (var cell in row.OfType<TableCell>())
                {
                    // Pipe tables leave ColumnIndex at -1: the cell's place in its row is its column.
                    var index = cell.ColumnIndex >= 0 ? cell.ColumnIndex : position;
                    position += Math.Max(1, cell.ColumnSpan);
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

    /// <summary>
    /// Markdig's own abbreviation renderer writes the abbreviation's label unescaped, so a
    /// definition like <c>*[&lt;b&gt;x&lt;/b&gt;]: y</c> would pass raw HTML through.
    /// </summary>
    private sealed class EscapingAbbreviationRenderer : HtmlObjectRenderer<AbbreviationInline>
    {
        protected override void Write(HtmlRenderer renderer, AbbreviationInline obj)
        {
            var abbreviation = obj.Abbreviation;
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write("<abbr");
                if (!abbreviation.Text.IsEmpty)
                {
                    renderer.Write(" title=\"").WriteEscape(abbreviation.Text).Write('"');
                }

                renderer.Write('>');
            }

            renderer.WriteEscape(abbreviation.Label);
            if (renderer.EnableHtmlForInline)
            {
                renderer.Write("</abbr>");
            }
        }
    }

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
