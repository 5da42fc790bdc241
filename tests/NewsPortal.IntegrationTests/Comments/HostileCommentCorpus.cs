namespace NewsPortal.IntegrationTests.Comments;

/// <summary>
/// Hostile comment inputs (bodies, names, websites). Each payload that could run calls
/// <c>window.__xss(n)</c> or <c>alert(n)</c>, which the browser test traps.
/// </summary>
public static class HostileCommentCorpus
{
    private static readonly string[] Vectors =
    [
        "<script>__xss({0})</script>",
        "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
        "<img src=x onerror=__xss({0})>",
        "<img src=x onerror=\"__xss({0})\">",
        "<svg onload=__xss({0})>",
        "<svg><script>__xss({0})</script></svg>",
        "<body onload=__xss({0})>",
        "<iframe src=\"javascript:__xss({0})\"></iframe>",
        "<iframe srcdoc=\"<script>parent.__xss({0})</script>\"></iframe>",
        "<a href=\"javascript:__xss({0})\">bấm</a>",
        "javascript:__xss({0})",
        "JaVaScRiPt:__xss({0})",
        "data:text/html,<script>__xss({0})</script>",
        "\"><script>__xss({0})</script>",
        "'><script>__xss({0})</script>",
        "\" onmouseover=\"__xss({0})\" x=\"",
        "' onfocus='__xss({0})' autofocus x='",
        "</textarea><script>__xss({0})</script>",
        "</p><img src=x onerror=__xss({0})><p>",
        "<details open ontoggle=__xss({0})>",
        "<input autofocus onfocus=__xss({0})>",
        "<video><source onerror=__xss({0})></video>",
        "<audio src=x onerror=__xss({0})>",
        "<math><mtext><table><mglyph><style><img src=x onerror=__xss({0})>",
        "<noscript><p title=\"</noscript><img src=x onerror=__xss({0})>\">",
        "<style>@import 'javascript:__xss({0})';</style>",
        "<object data=\"javascript:__xss({0})\"></object>",
        "<embed src=\"javascript:__xss({0})\">",
        "<form><button formaction=javascript:__xss({0})>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss({0})\">",
        "<base href=\"javascript:__xss({0})//\">",
        "<link rel=import href=\"data:text/html,<script>__xss({0})</script>\">",
        "&lt;script&gt;__xss({0})&lt;/script&gt;",
        "&#60;script&#62;__xss({0})&#60;/script&#62;",
        "\\u003cscript\\u003e__xss({0})\\u003c/script\\u003e",
        "<scr<script>ipt>__xss({0})</scr</script>ipt>",
        "<<script>script>__xss({0})<</script>/script>",
        "<img src=`x` onerror=`__xss({0})`>",
        "<img/src/onerror=__xss({0})>",
        "<svg/onload=__xss({0})//",
        "https://x.example/\"onmouseover=\"__xss({0})",
        "https://x.example/'onmouseover='__xss({0})",
        "https://x.example/\"><img src=x onerror=__xss({0})>",
        "https://x.example/<script>__xss({0})</script>",
        "https://x.example/`onfocus=__xss({0})",
        "http://x.example/?a=\"&b=<svg/onload=__xss({0})>",
        "https://x.example/#\"><svg onload=__xss({0})>",
        "http://\"><svg/onload=__xss({0})>",
        "https://javascript:__xss({0})",
        "https://x.example/javascript:__xss({0})",
        "{{constructor.constructor('__xss({0})')()}}",
        "${{__xss({0})}}",
        "<div style=\"background:url(javascript:__xss({0}))\">",
        "<marquee onstart=__xss({0})>",
        "\u202e<img src=x onerror=__xss({0})>",
        "<img src=x onerror=alert({0})>",
    ];

    public sealed record Entry(string Body, string Name, string? Website);

    /// <summary>At least 200 entries: every vector as a body, inside text, after a link, and as a name and website.</summary>
    public static IReadOnlyList<Entry> Entries()
    {
        var entries = new List<Entry>();
        var n = 0;
        foreach (var vector in Vectors)
        {
            string V() => string.Format(System.Globalization.CultureInfo.InvariantCulture, vector, ++n);
            entries.Add(new Entry(V(), "Bạn đọc", null));
            entries.Add(new Entry("Xin chào Ban biên tập,\n\n" + V() + "\ncảm ơn.", "Độc giả", null));
            entries.Add(new Entry("Xem https://x.example/" + V(), "Người xem", null));
            var asName = V();
            entries.Add(new Entry("Tên là mã độc " + n, asName.Length > 100 ? asName[..100] : asName, "https://x.example/" + Uri.EscapeDataString(V())));
            var site = V();
            entries.Add(new Entry("Trang web độc " + n, "Trang web", site.StartsWith("http", StringComparison.Ordinal) && site.Length <= 300 ? site : null));
        }

        return entries;
    }
}
