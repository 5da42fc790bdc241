namespace NewsPortal.Web.Services.Text;

// Temporary: replaced by the real converter.
public enum LegacyEncoding { None, Tcvn3, Vni }

public sealed record LegacyConversion(string Text, LegacyEncoding Encoding)
{
    public bool Converted => Encoding != LegacyEncoding.None;
}

public static class LegacyVietnamese
{
    public static LegacyConversion Repair(string? text) => new(text!, LegacyEncoding.None);
}
