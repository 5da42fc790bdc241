using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Admin;

/// <summary>The audit log: Administrators read and filter it; nobody can change it.</summary>
public sealed class AuditLogTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task AnAdministratorFiltersTheLogByActionPersonAndText()
    {
        var admin = await factory.CreateStaffAsync(Roles.Administrator);
        var client = await factory.SignInAsync(admin);
        // A failed sign-in by someone else is on record.
        var stranger = await factory.CreateStaffAsync(Roles.Editor);
        await factory.CreateBrowser().SubmitPasswordAsync(stranger.Email, "sai-mat-khau-roi-nhe");

        var (all, allPage) = await client.GetPageAsync("/admin/nhat-ky");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains(allPage.QuerySelectorAll("td code"), c => c.Text() == "signin.failure");

        var (_, failures) = await client.GetPageAsync("/admin/nhat-ky?hanhDong=signin.failure&nguoi=" + Uri.EscapeDataString(stranger.Email));
        var rows = failures.QuerySelectorAll("tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal("signin.failure", r.QuerySelector("code")!.Text());
            Assert.Equal(stranger.Email, r.QuerySelectorAll("td")[1].Text());
        });

        var (_, byText) = await client.GetPageAsync("/admin/nhat-ky?q=" + Uri.EscapeDataString("sai mật khẩu"));
        Assert.All(byText.QuerySelectorAll("tbody tr td:last-child"), td => Assert.Contains("sai mật khẩu", td.Text(), StringComparison.Ordinal));

        var (bad, _) = await client.GetPageAsync("/admin/nhat-ky?tuNgay=khong-phai-ngay");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task AuditEntriesCannotBeChangedOrDeleted()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        db.AuditEntries.Add(new AuditEntry(DateTime.UtcNow, null, "kiểm thử", "test.entry", null, null, "Mục thử."));
        await db.SaveChangesAsync();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();

        db.AuditEntries.Remove(entry);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Id == entry.Id));
    }
}
