using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Infrastructure;

/// <summary>Every bound string is NFC before a controller sees it, so comparisons and lookups agree.</summary>
public sealed class NfcStringModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is { IsModelSet: true, Model: string value })
        {
            bindingContext.Result = ModelBindingResult.Success(VietnameseText.Nfc(value));
        }
    }
}

public sealed class NfcStringModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Metadata.ModelType != typeof(string))
        {
            return null;
        }

        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new NfcStringModelBinder(new SimpleTypeModelBinder(typeof(string), loggerFactory));
    }
}
