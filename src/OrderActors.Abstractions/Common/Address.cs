using Orleans;

namespace OrderActors.Abstractions.Common;

/// <summary>A point on the earth in WGS-84 degrees.</summary>
[GenerateSerializer, Immutable, Alias("oa.GeoPoint")]
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// A mainland shipping address: 省 / 市 / 区 names as the platform gave them, the street detail, and
/// coordinates when the platform supplied them.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.Address")]
public sealed record Address(string Province, string City, string District, string Detail, GeoPoint? Location = null)
{
    /// <summary>The address with its street detail hidden, safe for logs: "浙江省 杭州市 西湖区 ***".</summary>
    public string Masked() => $"{Province} {City} {District} ***";
}

/// <summary>
/// The receiver as the platform gave it. Platforms often mask the phone (<see cref="PhoneMasked"/>); some send name,
/// phone and street only as ciphertext (<see cref="Encrypted"/>) that the platform's decrypt API turns back into text.
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.Contact")]
public sealed record Contact(string Name, string Phone, bool PhoneMasked, bool Encrypted = false)
{
    /// <summary>The phone with its middle digits hidden, safe for logs: "138****5678"; ciphertext is not shown at all.</summary>
    public string MaskedPhone() => Encrypted ? "(encrypted)" : Masking.Phone(Phone);
}
