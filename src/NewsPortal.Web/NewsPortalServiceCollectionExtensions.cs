using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using NewsPortal.Web.Areas.Admin.Controllers;
using NewsPortal.Web.Areas.Admin;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Accounts;
using NewsPortal.Web.Services.Admin;
using NewsPortal.Web.Services.Comments;
using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Imaging;
using NewsPortal.Web.Services.Rendering;
using NewsPortal.Web.Services.Search;
using NewsPortal.Web.Services.Seeding;
using NewsPortal.Web.Services.Seo;
using NewsPortal.Web.Services.Text;
using NewsPortal.Web.Services;
using Serilog;
using StackExchange.Redis;

namespace NewsPortal.Web;

/// <summary>Everything Program.cs wires up, one extension per concern.</summary>
public static class NewsPortalServiceCollectionExtensions
{
    public static WebApplicationBuilder AddNewsPortalLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Configured from appsettings ("Serilog"); the static logger is left alone so that
        // several hosts (tests) in one process each keep their own pipeline.
        builder.Services.AddSerilog(
            (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services),
            preserveStaticLogger: true);
        return builder;
    }

    public static IServiceCollection AddNewsPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddNewsPortalData(configuration, environment);
        services.AddNewsPortalIdentity(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<VietnamClock>();
        services.AddSingleton<ArticleRenderer>();
        services.AddSingleton<AbbreviationGlossary>();
        services.AddSingleton<MarkedArticleCache>();
        services.AddScoped<PublicContentService>();
        services.AddHttpContextAccessor();
        services.AddSingleton<SiteUrls>();
        services.AddScoped<FeedService>();
        services.AddScoped<SitemapService>();
        services.AddScoped<SavedArticleService>();
        services.AddSingleton<CommentTokens>();
        services.AddScoped<CommentService>();
        services.AddSingleton<SqliteCommentWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteCommentWriter>());
        services.AddScoped<DatabaseSeeder>();
        services.AddSingleton<ViewCounter>();
        services.AddHostedService<ViewCountFlusher>();
        services.AddNewsPortalSearch(configuration);
        services.AddNewsPortalForwardedHeaders(configuration);
        services.AddNewsPortalCompression();
        services.AddNewsPortalRedis(configuration);

        services.AddControllersWithViews(options =>
        {
            options.ModelBinderProviders.Insert(0, new NfcStringModelBinderProvider());
            options.Filters.Add<RejectInvalidQueryFilter>();
            // What a form shows when a value can't be read (letters in a number field, an empty one): in Vietnamese.
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Giá trị “{value}” không hợp lệ cho “{field}”.");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
            messages.SetUnknownValueIsInvalidAccessor(field => $"Giá trị của “{field}” không hợp lệ.");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
            messages.SetValueIsInvalidAccessor(value => $"Giá trị “{value}” không hợp lệ.");
            messages.SetValueMustNotBeNullAccessor(_ => "Vui lòng nhập giá trị.");
            messages.SetValueMustBeANumberAccessor(field => $"“{field}” phải là một số.");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
            messages.SetMissingBindRequiredValueAccessor(field => $"Thiếu giá trị cho “{field}”.");
            messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
            messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        // Vietnamese text is written as UTF-8 characters, not as &#x1EA3; entities (a third of the bytes).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    /// <summary>
    /// Behind nginx, the client's address and scheme come from X-Forwarded-For and X-Forwarded-Proto,
    /// believed only from loopback and the proxies listed under "Proxy" (docs/operations.md).
    /// X-Forwarded-Host is not used: nginx passes the Host header itself, and a forwarded host
    /// would let any client behind a trusted proxy choose the host the app sees.
    /// </summary>
    private static void AddNewsPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = new ProxyOptions();
        configuration.GetSection(ProxyOptions.SectionName).Bind(proxy);
        var proxies = proxy.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p =>
            IPAddress.TryParse(p.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"Proxy:KnownProxies: \"{p}\" is not an IP address.")).ToList();
        var networks = proxy.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n =>
            System.Net.IPNetwork.TryParse(n.Trim(), out var network)
                ? network
                : throw new InvalidOperationException($"Proxy:KnownNetworks: \"{n}\" is not a network in CIDR notation (10.0.0.0/24).")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (127.0.0.0/8 and ::1) stay; the configured proxies are added.
            foreach (var address in proxies)
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>
    /// Brotli (preferred) and gzip for text responses, also over HTTPS; the provider leaves out the
    /// Admin area and responses that set cookies (BREACH, docs/operations.md). Static files come
    /// precompressed from MapStaticAssets and are not compressed again.
    /// </summary>
    private static void AddNewsPortalCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes =
            [
                "text/html", "text/css", "text/plain", "text/javascript", "application/javascript",
                "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "image/svg+xml",
                "application/json",
            ];
        });
        // Fastest: uncached responses (search, errors, pages after an eviction) are compressed as they are
        // rendered, and Optimal Brotli costs several times the CPU for a few percent; cached pages are
        // stored compressed, so a cached read costs no compression at all.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, PublicResponseCompressionProvider>();
    }

    /// <summary>
    /// Several web nodes: when <c>Redis:Configuration</c> is set, the Data Protection key ring lives in
    /// Redis under one application name, so a cookie or token made on one node is read on every
    /// other; the output cache's store is Redis too (the cache itself is registered elsewhere).
    /// One <see cref="IConnectionMultiplexer"/> serves both, connected on first use and retrying in
    /// the background (abortConnect=false); <c>/readyz</c> checks that it answers. Without the
    /// setting: a single node, the defaults.
    /// </summary>
    private static void AddNewsPortalRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration["Redis:Configuration"];
        if (string.IsNullOrWhiteSpace(redis))
        {
            return;
        }

        ConfigurationOptions redisOptions;
        try
        {
            redisOptions = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException error)
        {
            throw new InvalidOperationException("Redis:Configuration is not a StackExchange.Redis connection string: " + error.Message, error);
        }

        redisOptions.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        services.AddDataProtection().SetApplicationName("NewsPortal");
        services.AddOptions<KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, connection) =>
            options.XmlRepository = new RedisXmlRepository(() => connection.GetDatabase(), RedisKeys.DataProtectionKeys));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IConnectionMultiplexer>((options, connection) =>
        {
            options.InstanceName = RedisKeys.OutputCachePrefix;
            options.ConnectionMultiplexerFactory = () => Task.FromResult(connection);
        });
    }

    private static void AddNewsPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexSignal>();
        services.AddSingleton<IInterceptor, ArticleSaveInterceptor>();
        services.AddSingleton<SearchIndexSync>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexSync>());
        services.AddScoped<SearchService>();
    }

    private static void AddNewsPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                // NIST SP 800-63B: length over composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddErrorDescriber<VietnameseIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager<NewsPortalSignInManager>()
            .AddClaimsPrincipalFactory<NewsPortalClaimsFactory>()
            .AddDefaultTokenProviders();

        // The security stamp is checked on every request: signing out, a password change or
        // disabling an account (all of which change the stamp) end every session at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<AuditLog>();
        services.AddScoped<CommentSettingsService>();
        services.AddScoped<ArticleEditorService>();
        services.AddOptions<ImageProcessingOptions>().Bind(configuration.GetSection("Media"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImageProcessingOptions>>().Value);
        services.AddSingleton<ImageProcessor>();
        services.AddScoped<MediaUploadService>();
        services.AddScoped<CommentModerationService>();
        services.AddScoped<GlossaryAdminService>();
        var caching = configuration.GetSection(CachingOptions.SectionName).Get<CachingOptions>() ?? new CachingOptions();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicPagePolicy.Name, new PublicPagePolicy(caching.OutputCache));
            options.SizeLimit = Math.Max(1, caching.OutputCacheSizeMegabytes) * 1024L * 1024;
        });
        services.AddSingleton<OutputCachePageInvalidator>();
        services.AddSingleton<ICachedPageInvalidator>(sp => sp.GetRequiredService<OutputCachePageInvalidator>());
        services.AddSingleton<IInterceptor, PageCacheEvictionInterceptor>();
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArticleScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ArticleScheduler>());

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/admin/dang-nhap";
            options.LogoutPath = "/admin/dang-xuat";
            options.AccessDeniedPath = "/loi/403";
            // The output cache serves pages before authentication runs and knows staff by this cookie.
            options.Cookie.Name = PublicPagePolicy.SignInCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // A signed-in user without the role gets a plain 403 (the friendly page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : security.SignInWindow;
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            // Per client address: guessing passwords or codes from one place is slowed to a trickle.
            options.AddPolicy(AccountController.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.SignInPermitLimit,
                    Window = security.SignInWindow,
                    QueueLimit = 0,
                }));
        });
    }

    /// <summary>
    /// A fast, successful read (a reader's page, a feed, a photo) is logged at Debug, not written by
    /// default: the proxy's access log already has it, and at thousands of pages a second one
    /// synchronous console and file write each is the portal's largest cost (measured with
    /// bench/load.sh). Every write (POST), every 4xx, 5xx and exception, and every read slower than
    /// half a second is still logged.
    /// </summary>
    internal static Serilog.Events.LogEventLevel RequestLogLevel(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : context.Response.StatusCode >= 400 || elapsedMilliseconds > 500 ? Serilog.Events.LogEventLevel.Warning
        : HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? Serilog.Events.LogEventLevel.Debug
        : Serilog.Events.LogEventLevel.Information;

    public static WebApplication UseNewsPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: everything after it (rate limits, comment checks, HSTS, the Origin check) sees the client.
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/loi/ngoai-le");
        app.UseStatusCodePagesWithReExecute("/loi/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options =>
        {
            // Path only: query strings and client addresses can carry personal data.
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // This host's logger, not the static one (left silent so parallel hosts stay apart).
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel;
        });

        app.UseRouting();
        // Cached pages are served before authentication, authorization and rate limiting run: they
        // are only ever stored and served for requests without the Identity cookie or an
        // Authorization header (PublicPagePolicy), for which those have nothing to decide.
        app.UseArticleViewCounting();
        app.UseOutputCache();
        // Inside the output cache: a page is compressed once, when it is rendered, and stored as sent,
        // one entry per encoding (PublicPagePolicy); a cached page is never compressed again.
        app.UseResponseCompression();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapStaticAssets();
        app.MapControllerRoute("areas", "{area:exists}/{controller=Home}/{action=Index}/{id?}");
        app.MapControllers();
        return app;
    }
}
