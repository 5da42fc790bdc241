namespace NewsPortal.Web.Domain;

/// <summary>A rule of the domain was broken; the message is Vietnamese and safe to show a user.</summary>
public sealed class DomainException(string message) : Exception(message);
