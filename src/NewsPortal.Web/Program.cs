using NewsPortal.Web;
using NewsPortal.Web.Services.Seeding;

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot from the build output in every environment, not only Development, so that
// `dotnet run` without a launch profile and the test host find the fingerprinted assets.
// A published app has no runtime manifest and this does nothing.
builder.WebHost.UseStaticWebAssets();
builder.AddNewsPortalLogging();
builder.Services.AddNewsPortal(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseNewsPortal();
await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
