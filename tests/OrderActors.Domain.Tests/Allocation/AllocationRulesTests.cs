using System.Text.Json;
using OrderActors.Abstractions.Orders;
using OrderActors.Domain.Allocation;

namespace OrderActors.Domain.Tests.Allocation;

public sealed class AllocationRulesTests
{
    [Fact]
    public void DefaultRulesFollowTheMerchantsPlaybook()
    {
        AllocationRules rules = AllocationRules.Default;

        Assert.Equal(3, rules.NearestCount);
        Assert.Equal(0.85, rules.MaxReservedRatio);
        Assert.True(rules.RelaxReservedRatioWhenUnfillable);
        Assert.False(rules.AllowHalfOpenWarehouses);
        Assert.Equal(3, rules.MaxParcels);
        Assert.Equal(new ChannelRule(ServiceTier.Express, ColdChainWarehousesOnly: true), rules.RuleFor(Channel.Meituan));
        Assert.Equal(new ChannelRule(ServiceTier.Standard, ColdChainWarehousesOnly: false), rules.RuleFor(Channel.Taobao));
    }

    [Fact]
    public void RulesSurviveARoundTripThroughJson()
    {
        AllocationRules original = AllocationRules.Default with
        {
            NearestCount = 5,
            AllowHalfOpenWarehouses = true,
            Channels = new Dictionary<Channel, ChannelRule>
            {
                [Channel.Meituan] = new(ServiceTier.Express, ColdChainWarehousesOnly: true),
                [Channel.Jd] = new(ServiceTier.Express, ColdChainWarehousesOnly: false),
            },
        };

        string json = JsonSerializer.Serialize(original);
        AllocationRules copy = JsonSerializer.Deserialize<AllocationRules>(json)!;

        Assert.Contains("\"Express\"", json);
        Assert.Equal(5, copy.NearestCount);
        Assert.True(copy.AllowHalfOpenWarehouses);
        Assert.Equal(original.RuleFor(Channel.Meituan), copy.RuleFor(Channel.Meituan));
        Assert.Equal(original.RuleFor(Channel.Jd), copy.RuleFor(Channel.Jd));
        Assert.Equal(original.RuleFor(Channel.Pdd), copy.RuleFor(Channel.Pdd));
    }

    [Fact]
    public void TheDefaultRulesSurviveARoundTripThroughJson()
    {
        string json = JsonSerializer.Serialize(AllocationRules.Default);
        AllocationRules copy = JsonSerializer.Deserialize<AllocationRules>(json)!;

        Assert.Equal(AllocationRules.Default with { Channels = copy.Channels }, copy);
        Assert.Equal(AllocationRules.Default.Channels, copy.Channels);
    }

    [Fact]
    public void AConfigFileNamesOnlyWhatItChangesAndItsChannelTableReplacesTheDefaultOne()
    {
        const string json = """
            {
              "MaxReservedRatio": 0.9,
              "Channels": { "Jd": { "Tier": "Express", "ColdChainWarehousesOnly": false } }
            }
            """;

        AllocationRules rules = JsonSerializer.Deserialize<AllocationRules>(json)!;

        Assert.Equal(0.9, rules.MaxReservedRatio);
        Assert.Equal(3, rules.NearestCount);
        Assert.Equal(3, rules.MaxParcels);
        Assert.Equal(ServiceTier.Express, rules.RuleFor(Channel.Jd).Tier);
        Assert.Equal(rules.DefaultChannel, rules.RuleFor(Channel.Meituan));
    }

    [Theory]
    [InlineData(0, 3, 0.85)]
    [InlineData(3, 0, 0.85)]
    [InlineData(3, 3, -0.1)]
    [InlineData(3, 3, double.NaN)]
    public void RulesThatMakeNoSenseFailValidation(int nearestCount, int maxParcels, double maxReservedRatio)
    {
        AllocationRules rules = AllocationRules.Default with
        {
            NearestCount = nearestCount,
            MaxParcels = maxParcels,
            MaxReservedRatio = maxReservedRatio,
        };

        Assert.ThrowsAny<ArgumentException>(rules.Validate);
    }
}
