using Orleans;

namespace OrderActors.Abstractions.Orders;

/// <summary>
/// Something a connector could not use in an order it accepted: a business field missing, unreadable or of an unknown
/// shape. Intake turns each finding into a hold with its reason code (see <see cref="HoldCodes"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("oa.IntakeFinding")]
public sealed record IntakeFinding(string Code, string Field, string Message);
