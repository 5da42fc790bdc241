using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Glossary;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

/// <summary>The add and edit form of a glossary entry; <see cref="Version"/> is the entry's version when the form was shown.</summary>
public sealed record AbbreviationInput
{
    [Required(ErrorMessage = "Vui lòng nhập chữ viết tắt.")]
    [StringLength(Abbreviation.ShortFormMaxLength, ErrorMessage = "Chữ viết tắt dài quá {1} ký tự.")]
    [Display(Name = "Chữ viết tắt")]
    public string ShortForm { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập nghĩa đầy đủ.")]
    [StringLength(Abbreviation.ExpansionMaxLength, ErrorMessage = "Nghĩa đầy đủ dài quá {1} ký tự.")]
    [Display(Name = "Nghĩa đầy đủ")]
    public string Expansion { get; init; } = string.Empty;

    [BindRequired]
    public int Version { get; init; }
}

/// <summary>The add or edit page: the form, and on a conflict what the entry holds now.</summary>
public sealed record AbbreviationFormPage(int? Id, AbbreviationInput Input, AbbreviationRow? Current);

/// <summary>The delete confirmation page.</summary>
public sealed record AbbreviationDeletePage(AbbreviationRow Entry, bool Conflict);

/// <summary>The glossary list with its filter box and order.</summary>
public sealed record GlossaryListPage(string? Filter, string Sort, IReadOnlyList<AbbreviationRow> Rows, int Total)
{
    public const string ByShortForm = "viet-tat";
    public const string ByShortFormDescending = "viet-tat-giam";
    public const string ByExpansion = "nghia";
    public const string ByExpansionDescending = "nghia-giam";

    /// <summary>The list's address with this filter and another order.</summary>
    public string UrlFor(string sort) =>
        "/admin/tu-viet-tat?sap-xep=" + sort + (string.IsNullOrEmpty(Filter) ? string.Empty : "&q=" + Uri.EscapeDataString(Filter));

    public static GlossarySort Parse(string? sort) => sort switch
    {
        ByShortFormDescending => GlossarySort.ShortFormDescending,
        ByExpansion => GlossarySort.Expansion,
        ByExpansionDescending => GlossarySort.ExpansionDescending,
        _ => GlossarySort.ShortForm,
    };
}
