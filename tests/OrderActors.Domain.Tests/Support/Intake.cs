using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Intake;

namespace OrderActors.Domain.Tests.Support;

/// <summary>The test tenant's mappings and a one-call way to validate a built order.</summary>
public static class Intake
{
    public static InMemorySkuMappings Mappings() => new InMemorySkuMappings()
        .Map(Channel.Miniapp, "SKU-NS", new SkuMapping("MJ-NS-WAL-40", "颜色:胡桃色;尺寸:40cm", new Money(15900)))
        .Map(Channel.Miniapp, "SKU-PIL", new SkuMapping("MJ-PIL-LTX-STD", "标准款", new Money(7900)));

    public static IntakeValidation Validate(NormalizedOrder order, IntakeRules? rules = null, ISkuMappingLookup? mappings = null, DateTimeOffset? lastSeen = null) =>
        IntakeValidator.Validate(order, new IntakeContext(mappings ?? Mappings(), rules ?? IntakeRules.Default, OrderBuilder.ReceivedAt, lastSeen));

    public static string[] Codes(IntakeValidation validation) => validation.Holds.Select(hold => hold.Code).ToArray();
}
