using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderActors.Cli.Tests.Support;
using OrderActors.Testing;

namespace OrderActors.Cli.Tests;

[Collection(SiloCollection.Name)]
public sealed partial class OrderCommandTests(SiloFixture silo)
{
    [PostgresFact]
    public async Task OrderShowPrintsTheTimelineWithItsStampsAndTheAllocationExplanation()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string orderId = (await demo.OrderIdsAsync("status=Allocated"))[0];
        string warehouse = (await demo.GetAsync($"/api/v1/orders/{orderId}"))["lines"]![0]!["allocations"]![0]!["warehouseId"]!.GetValue<string>();

        CliRun run = await demo.RunAsync("order", "show", orderId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("Allocated 已分仓", "待发货"), (run.Field("Status 状态"), run.Field("Customer 客户状态")));
        string[] timeline = Section(run, "Timeline 时间线");
        Assert.Equal(["已付款", "已锁库", "已分仓"], timeline.Skip(1).Select(l => l.Split("  ")[1]));
        Assert.Contains($"allocated to {warehouse}", timeline[^1], StringComparison.Ordinal);
        Assert.Contains(Section(run, "Allocation 分仓说明"), l => l.StartsWith("Outcome", StringComparison.Ordinal) && l.Contains(warehouse, StringComparison.Ordinal));
        Assert.Contains(Section(run, "Lines 商品"), l => l.Contains($"{warehouse}×", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task OrderShowListsTheHoldsAndNeverAFullPhoneNumber()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string orderId = await demo.OrderIdAsync("holdCode=unmapped_sku");

        CliRun run = await demo.RunAsync("order", "show", orderId);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("OnHold 挂起", run.Field("Status 状态"));
        Assert.StartsWith("unmapped_sku ", Section(run, "Holds 挂起原因")[1], StringComparison.Ordinal);
        Assert.Matches(MaskedPhone(), run.Field("Receiver 收件人"));
        Assert.DoesNotMatch(ElevenDigits(), run.Output);
    }

    [PostgresFact]
    public async Task OrderListFiltersAndPages()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string unpaid = await demo.OrderIdAsync("status=PendingPayment");
        string held = await demo.OrderIdAsync("holdCode=invalid_phone");

        CliRun byStatus = await demo.RunAsync("order", "list", "--status", "PendingPayment");
        CliRun byHold = await demo.RunAsync("order", "list", "--hold-code", "invalid_phone", "--channel", "miniapp");
        CliRun secondPage = await demo.RunAsync("order", "list", "--page", "2", "--page-size", "5");

        Assert.Equal([unpaid], Rows(byStatus).Select(r => r[0]));
        Assert.Equal("PendingPayment 待付款", Rows(byStatus)[0][2]);
        Assert.Equal([held], Rows(byHold).Select(r => r[0]));
        Assert.Equal("invalid_phone", Rows(byHold)[0][6]);
        Assert.Equal(5, Rows(secondPage).Length);
        Assert.Equal($"Page 2/3 · {DemoTenant.Orders + DemoTenant.AfterSalesOrders} orders", secondPage.OutputLines[^1]);
    }

    [PostgresFact]
    public async Task CancellingACancelledOrderIsExitCode4NamingItsCurrentStatus()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string orderId = (await demo.OrderIdsAsync("status=Allocated"))[0];

        CliRun first = await demo.RunAsync("order", "cancel", orderId, "--reason", "买家要求取消");
        CliRun second = await demo.RunAsync("order", "cancel", orderId);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("Cancelled 已取消", first.Field("Status 状态"));
        Assert.True(second.ExitCode == 4, second.ToString());
        Assert.Equal("", second.Output);
        Assert.StartsWith("orderactors: Illegal transition (409)", second.Error, StringComparison.Ordinal);
        Assert.Contains("current status: Cancelled 已取消", second.Error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ARetryWithTheSameIdempotencyKeyGetsTheFirstAnswerInsteadOfAConflict()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string orderId = (await demo.OrderIdsAsync("status=Allocated"))[0];

        CliRun first = await demo.RunAsync("order", "cancel", orderId, "--idempotency-key", "cancel-once");
        CliRun retry = await demo.RunAsync("order", "cancel", orderId, "--idempotency-key", "cancel-once");
        CliRun fresh = await demo.RunAsync("order", "cancel", orderId);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Equal(first.Output, retry.Output);
        Assert.True(fresh.ExitCode == 4, fresh.ToString());
    }

    [PostgresFact]
    public async Task ReleaseHoldResumesTheOrderAndRecordsTheSignedInOperatorAndNote()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        string orderId = await demo.OrderIdAsync("holdCode=invalid_phone");
        string user = $"wangwu-{Guid.NewGuid():N}"[..20];
        await demo.CreateUserAsync(user, "a long password", "operator");
        using var home = new ConfigHome();
        var signedIn = new CliProcess { Environment = home.Environment };
        await demo.SignInAsync(signedIn, user, "a long password");

        CliRun run = await demo.RunAsync(signedIn, "order", "release-hold", orderId, "--note", "电话已核实");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEqual("OnHold 挂起", run.Field("Status 状态"));
        await demo.WaitUntilSettledAsync();
        CliRun shown = await demo.RunAsync("order", "show", orderId);
        Assert.Equal("Allocated 已分仓", shown.Field("Status 状态"));
        Assert.Contains(Section(shown, "Timeline 时间线"), l => l.Contains($"operator:{user}", StringComparison.Ordinal) && l.Contains("电话已核实", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task TheDecryptResultReplacesAnEncryptedReceiverAndClearsItsHold()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();
        using HttpResponseMessage more = await demo.Api.PostAsJsonAsync("/api/v1/demo", new { orders = 30 });
        Assert.True(more.IsSuccessStatusCode, await more.Content.ReadAsStringAsync());
        await demo.WaitUntilSettledAsync();
        string orderId = await demo.OrderIdAsync("holdCode=pii_encrypted");

        CliRun before = await demo.RunAsync("order", "show", orderId);
        CliRun run = await demo.RunAsync("order", "receiver", orderId, "--name", "李雷", "--phone", "13912342468", "--detail", "人民路 8 号");
        CliRun again = await demo.RunAsync("order", "receiver", orderId, "--name", "李雷", "--phone", "13912342468", "--detail", "人民路 8 号");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.StartsWith("encrypted 待解密", before.Field("Receiver 收件人"), StringComparison.Ordinal);
        Assert.StartsWith("pii_encrypted ", Section(before, "Holds 挂起原因")[1], StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("李* 139****2468", run.Field("Receiver 收件人"));
        Assert.DoesNotContain("pii_encrypted", run.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 4, again.ToString());
        JsonNode order = await demo.GetAsync($"/api/v1/orders/{orderId}");
        // The actor is the credential's: RunAsync signs in with the bootstrap admin's API key.
        Assert.Contains(order["timeline"]!.AsArray(), t => t!["source"]!.GetValue<string>() == "key:bootstrap-admin"
            && t["note"]!.GetValue<string>().Contains("decrypted", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task AnUnknownOrderIsExitCode3()
    {
        DemoTenant demo = await silo.NewDemoTenantAsync();

        CliRun run = await demo.RunAsync("order", "show", "taobao-000000");
        CliRun json = await demo.RunAsync("order", "show", "taobao-000000", "--json");

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal(["orderactors: Not found (404)", "  Order taobao-000000 does not exist."], run.Error.TrimEnd('\n').Split('\n'));
        Assert.True(json.ExitCode == 3, json.ToString());
        Assert.Equal(404, System.Text.Json.Nodes.JsonNode.Parse(json.Error)!["status"]!.GetValue<int>());
    }

    /// <summary>The lines of a plain-output section: its table header and rows, up to the next blank line.</summary>
    private static string[] Section(CliRun run, string heading)
    {
        string[] lines = run.Output.Split('\n');
        int start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"no section '{heading}' in:\n{run.Output}");
        return lines[(start + 1)..].TakeWhile(l => l.Length > 0).ToArray();
    }

    /// <summary>The data rows of a plain order list (between the header and the page line), split into columns.</summary>
    private static string[][] Rows(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.OutputLines[1..^1].Select(l => Columns().Split(l)).ToArray();
    }

    [GeneratedRegex(@"^\S+ \d{3}\*{4}\d{4}$")]
    private static partial Regex MaskedPhone();

    [GeneratedRegex(@"\d{11}")]
    private static partial Regex ElevenDigits();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
