using OrderActors.Runtime.Testing;
using OrderActors.Runtime.Tests.Support;

namespace OrderActors.Runtime.Tests;

public sealed class ReminderTests
{
    [Fact]
    public async Task AReminderFiresRepeatedlyUntilUnregistered()
    {
        await using TestCluster cluster = await Clusters.StartAsync();
        IReminderGrain grain = cluster.GrainFactory.GetGrain<IReminderGrain>("t/rem");

        await grain.StartAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150));
        await Eventually.TrueAsync(async () => await grain.GetTicksAsync() >= 3);
        await grain.StopAsync();
        int stoppedAt = await grain.GetTicksAsync();
        await Task.Delay(600);

        Assert.InRange(await grain.GetTicksAsync(), stoppedAt, stoppedAt + 1);
    }

    [Fact]
    public async Task APeriodBelowTheMinimumIsRefused()
    {
        await using TestCluster cluster = await Clusters.StartAsync(configure: o => o.MinimumReminderPeriod = TimeSpan.FromMinutes(1));
        IReminderGrain grain = cluster.GrainFactory.GetGrain<IReminderGrain>("t/rem-min");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.StartAsync(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
    }

    [PostgresFact]
    public async Task AReminderKeepsFiringAfterASiloRestart()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await Clusters.StartAsync(postgres: database.ConnectionString);
        IReminderGrain grain = cluster.GrainFactory.GetGrain<IReminderGrain>("t/rem-restart");
        await grain.StartAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300));
        await Eventually.TrueAsync(async () => await grain.GetTicksAsync() >= 1);

        TestSilo restarted = await cluster.RestartSiloAsync(cluster.Primary);
        IReminderGrain again = restarted.GrainFactory.GetGrain<IReminderGrain>("t/rem-restart");
        int before = await again.GetTicksAsync();

        await Eventually.TrueAsync(async () => await again.GetTicksAsync() >= before + 2);
    }

    [PostgresFact]
    public async Task ATickDueWhileNoSiloRanFiresAsSoonAsASiloStarts()
    {
        await using PostgresTestDatabase database = await PostgresTestDatabase.CreateAsync();
        await using TestCluster cluster = await Clusters.StartAsync(postgres: database.ConnectionString);
        await cluster.GrainFactory.GetGrain<IReminderGrain>("t/rem-missed").StartAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromHours(1));
        await cluster.Primary.StopAsync();
        await Task.Delay(800);

        TestSilo restarted = await cluster.RestartSiloAsync(cluster.Primary);

        IReminderGrain grain = restarted.GrainFactory.GetGrain<IReminderGrain>("t/rem-missed");
        await Eventually.TrueAsync(async () => await grain.GetTicksAsync() == 1, TimeSpan.FromSeconds(10));
    }
}
