using System.ComponentModel;
using System.Globalization;

namespace Purrr.Core.Common;

/// <summary>A player's id; also the key of their sign-in account.</summary>
[TypeConverter(typeof(UserIdTypeConverter))]
public readonly record struct UserId(Guid Value)
{
    public static UserId New() => new(Guid.CreateVersion7());

    public static bool TryParse(string? text, out UserId id)
    {
        var ok = Guid.TryParse(text, out var guid);
        id = new UserId(guid);
        return ok;
    }

    public override string ToString() => Value.ToString();
}

[TypeConverter(typeof(CatIdTypeConverter))]
public readonly record struct CatId(Guid Value)
{
    public static CatId New() => new(Guid.CreateVersion7());

    public static bool TryParse(string? text, out CatId id)
    {
        var ok = Guid.TryParse(text, out var guid);
        id = new CatId(guid);
        return ok;
    }

    public override string ToString() => Value.ToString();
}

/// <summary>Lets ids round-trip through strings (Identity keys, route values, query strings).</summary>
public abstract class GuidIdTypeConverter<TId>(Func<Guid, TId> create) : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || sourceType == typeof(Guid) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => value switch
    {
        string text => create(Guid.Parse(text)),
        Guid guid => create(guid),
        _ => base.ConvertFrom(context, culture, value),
    };

    public override bool CanConvertTo(ITypeDescriptorContext? context, Type? destinationType) =>
        destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) && value is TId id ? id.ToString() : base.ConvertTo(context, culture, value, destinationType);
}

public sealed class UserIdTypeConverter() : GuidIdTypeConverter<UserId>(guid => new UserId(guid));

public sealed class CatIdTypeConverter() : GuidIdTypeConverter<CatId>(guid => new CatId(guid));
