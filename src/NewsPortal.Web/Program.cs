using NewsPortal.Web;
using NewsPortal.Web.Services.Seeding;

var builder = WebApplication.CreateBuilder(args);
builder.AddNewsPortalLogging();
builder.Services.AddNewsPortal(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseNewsPortal();
await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
