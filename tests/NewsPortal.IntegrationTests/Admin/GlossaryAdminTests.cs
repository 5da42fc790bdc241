using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Moderation;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Comments;
using NewsPortal.Web.Services.Glossary;

namespace NewsPortal.IntegrationTests.Admin;

public sealed class GlossaryFactory : NewsPortal.IntegrationTests.Moderation.RecordingInvalidatorFactory;

/// <summary>
/// Editors manage the glossary at /admin/tu-viet-tat through the real pages; the article page
/// shows the change on its next view.
/// </summary>
public sealed class GlossaryAdminTests(GlossaryFactory factory) : IClassFixture<GlossaryFactory>
{
    private const string ListPath = "/admin/tu-viet-tat";
    private const string CreatePath = "/admin/tu-viet-tat/tao";
    private const string SeedUrl = "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    private readonly HttpClient _reader = factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpClient> EditorAsync() => await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Editor));

    private Task<Abbreviation?> EntryAsync(string shortForm) =>
        factory.QueryAsync(db => db.Abbreviations.AsNoTracking().SingleOrDefaultAsync(a => a.ShortForm == shortForm));

    private async Task<IElement?> LeadAbbrAsync(string shortForm)
    {
        var (response, page) = await _reader.GetPageAsync(SeedUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll(".article-lead abbr").SingleOrDefault(a => a.TextContent == shortForm);
    }

    private static async Task<IDocument> PageOf(HttpResponseMessage response) => Html.Parse(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task AnEntryAddedEditedAndDeletedShowsOnTheArticlePageAtOnceAndIsAudited()
    {
        var editor = await EditorAsync();
        var invalidated = factory.Invalidator.AllArticles;
        Assert.Null(await LeadAbbrAsync("QK2"));

        // The lead opens with "QK2 – ": once the glossary knows QK2, the page explains it.
        var added = await editor.PostFormAsync(CreatePath, CreatePath, ("Input.ShortForm", "QK2"), ("Input.Expansion", "Quân khu 2"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(ListPath, added.Target());
        var (_, list) = await editor.GetPageAsync(ListPath);
        Assert.Equal("Đã thêm QK2 = “Quân khu 2”.", list.QuerySelector(".flash")!.Text());
        Assert.Equal("Quân khu 2", (await LeadAbbrAsync("QK2"))?.GetAttribute("title"));
        var entry = (await EntryAsync("QK2"))!;

        var editPath = $"/admin/tu-viet-tat/{entry.Id}/sua";
        var hostile = "\"><script>alert('QK2')</script> Quân khu 2";
        var edited = await editor.PostFormAsync(editPath, editPath, ("Input.ShortForm", "QK2"), ("Input.Expansion", hostile));
        Assert.Equal(ListPath, edited.Target());
        var (_, article) = await _reader.GetPageAsync(SeedUrl);
        Assert.Equal(hostile, article.QuerySelectorAll(".article-lead abbr").Single(a => a.TextContent == "QK2").GetAttribute("title"));
        Assert.Empty(article.QuerySelectorAll("main script, .article script"));
        var (_, listed) = await editor.GetPageAsync(ListPath);
        Assert.Contains(listed.QuerySelectorAll("table.glossary td"), td => td.TextContent == hostile);
        Assert.Empty(listed.QuerySelectorAll("main script"));

        var deletePath = $"/admin/tu-viet-tat/{entry.Id}/xoa";
        var (_, confirm) = await editor.GetPageAsync(deletePath);
        Assert.Equal("Xóa chữ viết tắt QK2?", confirm.QuerySelector("h1")!.Text());
        var deleted = await editor.PostFormAsync(deletePath, deletePath);
        Assert.Equal(ListPath, deleted.Target());
        Assert.Null(await EntryAsync("QK2"));
        Assert.Null(await LeadAbbrAsync("QK2"));

        var id = entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.TargetType == "abbreviation" && a.TargetId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["glossary.add", "glossary.edit", "glossary.delete"], audit.Select(a => a.Action));
        Assert.Equal("Thêm chữ viết tắt QK2 = “Quân khu 2”.", audit[0].Summary);
        Assert.Equal($"Sửa chữ viết tắt QK2 = “Quân khu 2” thành QK2 = “{hostile}”.", audit[1].Summary);
        Assert.All(audit, a => Assert.StartsWith("Editor-", a.UserName, StringComparison.Ordinal));
        Assert.Equal(invalidated + 3, factory.Invalidator.AllArticles);
    }

    [Fact]
    public async Task InvalidEntriesAreRefusedWithVietnameseMessagesAndNothingIsSaved()
    {
        var editor = await EditorAsync();
        var before = await factory.QueryAsync(db => db.Abbreviations.CountAsync());
        var auditBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.TargetType == "abbreviation"));

        (string Short, string Expansion, string Message)[] cases =
        [
            ("", "cải cách hành chính", "Vui lòng nhập chữ viết tắt."),
            ("MOI", "   ", "Vui lòng nhập nghĩa đầy đủ."),
            ("CC HC", "cải cách hành chính", "Chữ viết tắt chỉ gồm chữ cái và chữ số, không có dấu cách."),
            ("<b>X</b>", "in đậm", "Chữ viết tắt chỉ gồm chữ cái và chữ số, không có dấu cách."),
            (new string('A', 5000), "rất dài", "Chữ viết tắt dài quá 20 ký tự."),
            ("DAI", new string('a', 100_000), "Nghĩa đầy đủ dài quá 200 ký tự."),
            ("ABCD", "abcd", "Nghĩa đầy đủ phải khác chữ viết tắt."),
            ("cchc", "cải cách hành chính", "Chữ viết tắt “CCHC” đã có trong bảng (không phân biệt chữ hoa, chữ thường)."),
            ("CPĐT", "Chính phủ điện tử", "Chữ viết tắt “CPĐT” đã có trong bảng (không phân biệt chữ hoa, chữ thường)."),
        ];
        foreach (var (shortForm, expansion, message) in cases)
        {
            var response = await editor.PostFormAsync(CreatePath, CreatePath, ("Input.ShortForm", shortForm), ("Input.Expansion", expansion));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{shortForm[..Math.Min(10, shortForm.Length)]}: {(int)response.StatusCode}");
            var page = await PageOf(response);
            Assert.Contains(message, page.Errors());
            Assert.Equal(shortForm.Trim(), page.QuerySelector("input[name='Input.ShortForm']")!.GetAttribute("value")?.Trim() ?? string.Empty);
        }

        Assert.Equal(before, await factory.QueryAsync(db => db.Abbreviations.CountAsync()));
        Assert.Equal(auditBefore, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.TargetType == "abbreviation")));
    }

    [Fact]
    public async Task TextTypedInNfdIsStoredInNfcAndTheSameShortFormInNfcIsADuplicate()
    {
        var editor = await EditorAsync();
        var nfdShort = "TU\u031B";
        var nfdExpansion = "Trung ương".Normalize(System.Text.NormalizationForm.FormD);

        var added = await editor.PostFormAsync(CreatePath, CreatePath, ("Input.ShortForm", nfdShort), ("Input.Expansion", nfdExpansion));

        Assert.Equal(ListPath, added.Target());
        var stored = await EntryAsync("TƯ");
        Assert.NotNull(stored);
        Assert.Equal("Trung ương", stored.Expansion);
        Assert.True(stored.Expansion.IsNormalized(System.Text.NormalizationForm.FormC));
        var again = await editor.PostFormAsync(CreatePath, CreatePath, ("Input.ShortForm", "tư"), ("Input.Expansion", "Trung ương"));
        Assert.Contains("Chữ viết tắt “TƯ” đã có trong bảng (không phân biệt chữ hoa, chữ thường).", (await PageOf(again)).Errors());
        var renamedOnto = await editor.PostFormAsync($"/admin/tu-viet-tat/{stored.Id}/sua", $"/admin/tu-viet-tat/{stored.Id}/sua", ("Input.ShortForm", "Cchc"), ("Input.Expansion", "Trung ương"));
        Assert.Contains("Chữ viết tắt “CCHC” đã có trong bảng (không phân biệt chữ hoa, chữ thường).", (await PageOf(renamedOnto)).Errors());
        Assert.Equal("TƯ", (await factory.QueryAsync(db => db.Abbreviations.AsNoTracking().SingleAsync(a => a.Id == stored.Id))).ShortForm);
    }

    [Fact]
    public async Task TwoEditorsAddingTheSameShortFormAtOnceGetOneEntryAndOneMessageNeverAnError()
    {
        for (var round = 0; round < 5; round++)
        {
            var shortForm = "DUP" + round;
            var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<GlossaryAdminService>().CreateAsync(shortForm, "mục trùng " + round, CancellationToken.None);
            }));

            Assert.Single(results, r => r.Kind == GlossaryOutcomeKind.Saved);
            Assert.All(results.Where(r => r.Kind != GlossaryOutcomeKind.Saved), r =>
            {
                Assert.Equal(GlossaryOutcomeKind.Invalid, r.Kind);
                Assert.Equal(GlossaryAdminService.DuplicateMessage(shortForm), r.Errors["ShortForm"]);
            });
            Assert.Equal(1, await factory.QueryAsync(db => db.Abbreviations.CountAsync(a => a.ShortForm == shortForm)));
        }
    }

    [Fact]
    public async Task AnEditOrDeleteFromAStaleVersionIsRefusedWithAMessageAndOverwritesNothing()
    {
        var first = await EditorAsync();
        var second = await EditorAsync();
        Assert.Equal(ListPath, (await first.PostFormAsync(CreatePath, CreatePath, ("Input.ShortForm", "BTL"), ("Input.Expansion", "Bộ Tư lệnh"))).Target());
        var entry = (await EntryAsync("BTL"))!;
        var editPath = $"/admin/tu-viet-tat/{entry.Id}/sua";
        var deletePath = $"/admin/tu-viet-tat/{entry.Id}/xoa";

        // The first editor opened the form (and the delete page) before the second one saved.
        var (_, staleForm) = await first.GetPageAsync(editPath);
        var staleVersion = staleForm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var (_, staleDelete) = await first.GetPageAsync(deletePath);
        var staleDeleteVersion = staleDelete.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        Assert.Equal(ListPath, (await second.PostFormAsync(editPath, editPath, ("Input.ShortForm", "BTL"), ("Input.Expansion", "Bộ Tư lệnh Quân khu"))).Target());

        var refused = await first.PostFormAsync(editPath, editPath, ("Input.Version", staleVersion), ("Input.ShortForm", "BTL"), ("Input.Expansion", "Bộ tư lệnh"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageOf(refused);
        Assert.Contains(GlossaryAdminService.ConflictMessage, page.Errors());
        Assert.Contains("Hiện tại: BTL = “Bộ Tư lệnh Quân khu”.", page.QuerySelector(".warning")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Bộ tư lệnh", page.QuerySelector("input[name='Input.Expansion']")!.GetAttribute("value"));
        Assert.Equal("Bộ Tư lệnh Quân khu", (await EntryAsync("BTL"))!.Expansion);

        var refusedDelete = await first.PostFormAsync(deletePath, deletePath, ("version", staleDeleteVersion));

        Assert.Equal(HttpStatusCode.OK, refusedDelete.StatusCode);
        Assert.Contains(GlossaryAdminService.ConflictMessage, (await PageOf(refusedDelete)).Errors());
        Assert.NotNull(await EntryAsync("BTL"));
        // The conflict page carries the current version: deleting from it, knowingly, works.
        var fresh = await first.PostFormAsync(deletePath, "form.glossary-delete");
        Assert.Equal(ListPath, fresh.Target());
        Assert.Null(await EntryAsync("BTL"));
    }

    [Fact]
    public async Task TheListFiltersIgnoringAccentsAndSortsByShortForm()
    {
        var editor = await EditorAsync();

        var (_, all) = await editor.GetPageAsync(ListPath);
        var shortForms = all.QuerySelectorAll("table.glossary tbody tr td:first-child").Select(td => td.Text()).ToList();
        Assert.Contains("CCHC", shortForms);
        // Vietnamese order: Đ with D, so CĐS comes before CNTT; Z-after-Đ ordinal order would not.
        Assert.True(shortForms.IndexOf("CĐS") < shortForms.IndexOf("CNTT"), string.Join(", ", shortForms));
        Assert.Equal("ascending", all.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));

        var (_, descending) = await editor.GetPageAsync(ListPath + "?sap-xep=viet-tat-giam");
        var reversed = descending.QuerySelectorAll("table.glossary tbody tr td:first-child").Select(td => td.Text()).ToList();
        Assert.Equal(shortForms.AsEnumerable().Reverse(), reversed);

        var (_, filtered) = await editor.GetPageAsync(ListPath + "?q=" + Uri.EscapeDataString("cai cach"));
        var rows = filtered.QuerySelectorAll("table.glossary tbody tr td:first-child").Select(td => td.Text()).ToList();
        Assert.Contains("CCHC", rows);
        Assert.DoesNotContain("BQP", rows);
        Assert.Equal("cai cach", filtered.QuerySelector("input[name=q]")!.GetAttribute("value"));

        var (bad, _) = await editor.GetPageAsync(ListPath + "?sap-xep=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (missing, _) = await editor.GetPageAsync("/admin/tu-viet-tat/999999/sua");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Author, false)]
    [InlineData(Roles.Moderator, false)]
    public async Task TheNavigationLinksTheGlossaryForThoseWhoMayManageIt(string role, bool linked)
    {
        var client = await factory.SignInAsync(await factory.CreateStaffAsync(role));

        var (_, page) = await client.GetPageAsync("/admin");

        Assert.Equal(linked, page.QuerySelector("nav a[href='/admin/tu-viet-tat']") is not null);
    }
}
