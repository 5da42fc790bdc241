using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Services.Glossary;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The glossary of abbreviations (CCHC = cải cách hành chính): list, add, edit, delete. For
/// Editors and Administrators, who are responsible for what the site publishes: an entry changes
/// every article page that uses the abbreviation, and what search finds.
/// </summary>
[Authorize(Policy = Policies.Publishers)]
public sealed class GlossaryController(GlossaryAdminService glossary) : AdminController
{
    public const string ListPath = "/admin/tu-viet-tat";

    private const string VersionKey = "Input." + nameof(AbbreviationInput.Version);

    [HttpGet("admin/tu-viet-tat")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q"), StringLength(100)] string? filter,
        [FromQuery(Name = "sap-xep"), RegularExpression("^(viet-tat|viet-tat-giam|nghia|nghia-giam)$")] string? sort,
        CancellationToken cancellationToken)
    {
        var order = sort ?? GlossaryListPage.ByShortForm;
        var rows = await glossary.ListAsync(filter, GlossaryListPage.Parse(order), cancellationToken);
        var total = string.IsNullOrWhiteSpace(filter) ? rows.Count : (await glossary.ListAsync(null, GlossarySort.ShortForm, cancellationToken)).Count;
        return View(new GlossaryListPage(filter?.Trim(), order, rows, total));
    }

    [HttpGet("admin/tu-viet-tat/tao")]
    public IActionResult Create() => View("Form", new AbbreviationFormPage(null, new AbbreviationInput(), null));

    [HttpPost("admin/tu-viet-tat/tao")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] AbbreviationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ModelState.Remove(VersionKey);
        if (ModelState.IsValid)
        {
            var outcome = await glossary.CreateAsync(input.ShortForm, input.Expansion, cancellationToken);
            if (outcome.Kind == GlossaryOutcomeKind.Saved)
            {
                Flash($"Đã thêm {outcome.Current!.ShortForm} = “{outcome.Current.Expansion}”.");
                return Redirect(ListPath);
            }

            AddErrors(outcome);
        }

        return View("Form", new AbbreviationFormPage(null, input, null));
    }

    [HttpGet("admin/tu-viet-tat/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var entry = await glossary.FindAsync(id, cancellationToken);
        return entry is null
            ? NotFound()
            : View("Form", new AbbreviationFormPage(id, new AbbreviationInput { ShortForm = entry.ShortForm, Expansion = entry.Expansion, Version = entry.Version }, null));
    }

    [HttpPost("admin/tu-viet-tat/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] AbbreviationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.GetFieldValidationState(VersionKey) == ModelValidationState.Invalid)
        {
            // Every form this page sends carries the version; without it nothing can be checked.
            return BadRequest();
        }

        if (!ModelState.IsValid)
        {
            return View("Form", new AbbreviationFormPage(id, input, null));
        }

        var outcome = await glossary.UpdateAsync(id, input.Version, input.ShortForm, input.Expansion, cancellationToken);
        switch (outcome.Kind)
        {
            case GlossaryOutcomeKind.Saved:
                Flash($"Đã lưu {outcome.Current!.ShortForm} = “{outcome.Current.Expansion}”.");
                return Redirect(ListPath);
            case GlossaryOutcomeKind.NotFound:
            case GlossaryOutcomeKind.Conflict when outcome.Current is null:
                Flash("Mục này không còn trong bảng chữ viết tắt (có thể người khác vừa xóa).");
                return Redirect(ListPath);
            case GlossaryOutcomeKind.Conflict:
                AddErrors(outcome);
                // What they typed stays; saving again, after reading the current entry, is a deliberate choice.
                ModelState.Remove(VersionKey);
                return View("Form", new AbbreviationFormPage(id, input with { Version = outcome.Current.Version }, outcome.Current));
            default:
                AddErrors(outcome);
                return View("Form", new AbbreviationFormPage(id, input, null));
        }
    }

    [HttpGet("admin/tu-viet-tat/{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var entry = await glossary.FindAsync(id, cancellationToken);
        return entry is null ? NotFound() : View(new AbbreviationDeletePage(entry, Conflict: false));
    }

    [HttpPost("admin/tu-viet-tat/{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, [FromForm, BindRequired] int version, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var outcome = await glossary.DeleteAsync(id, version, cancellationToken);
        switch (outcome.Kind)
        {
            case GlossaryOutcomeKind.Saved:
                Flash($"Đã xóa {outcome.Current!.ShortForm}.");
                return Redirect(ListPath);
            case GlossaryOutcomeKind.Conflict when outcome.Current is not null:
                return View(new AbbreviationDeletePage(outcome.Current, Conflict: true));
            default:
                Flash("Mục này không còn trong bảng chữ viết tắt (có thể người khác vừa xóa).");
                return Redirect(ListPath);
        }
    }

    private void AddErrors(GlossaryOutcome outcome)
    {
        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? string.Empty : "Input." + field, message);
        }
    }
}
