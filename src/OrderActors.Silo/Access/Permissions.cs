using OrderActors.Abstractions.Orders;

namespace OrderActors.Silo.Access;

/// <summary>
/// What each role may do. Every route names one of these as its authorization policy (see <see cref="AccessSetup"/>);
/// <c>GET /api/v1/auth/me</c> lists a principal's, so the admin UI hides what the server would refuse.
/// </summary>
public static class Permissions
{
    /// <summary>Orders, stock, warehouses, the dashboard, the event stream, pulls, the stock audit.</summary>
    public const string Read = "read";

    /// <summary>Order list and order pages: what <see cref="Read"/> allows, and a supplier's own orders.</summary>
    public const string OrdersRead = "orders.read";

    /// <summary>Cancel, release holds, decrypt results, deliver, complete.</summary>
    public const string OrdersWrite = "orders.write";

    /// <summary>Ship an order: operators, and a supplier its own orders.</summary>
    public const string OrdersShip = "orders.ship";

    /// <summary>See RMAs (售后), the reason pool and the classifier (not suppliers: their after-sales flow comes later).</summary>
    public const string ReturnsRead = "returns.read";

    /// <summary>Open, approve, reject, receive, refund and close RMAs, and correct their reasons.</summary>
    public const string ReturnsWrite = "returns.write";

    /// <summary>See the notification channels (never their secrets) and the outbox.</summary>
    public const string NotificationsRead = "notifications.read";

    /// <summary>Set and delete notification channels, send a dead letter again.</summary>
    public const string NotificationsWrite = "notifications.write";

    /// <summary>Warehouses, inventory, SKUs, SKU mappings, sensor readings, projection rebuilds.</summary>
    public const string SetupWrite = "setup.write";

    public const string BreakersWrite = "breakers.write";

    public const string ChannelsPull = "channels.pull";

    /// <summary>A channel's orders and events: that channel's connector (or a verified platform push).</summary>
    public const string Intake = "intake";

    /// <summary>Carrier tracking pushes.</summary>
    public const string Carriers = "carriers";

    public const string DemoSeed = "demo.seed";

    /// <summary>Users and API keys.</summary>
    public const string AccessAdmin = "access.admin";

    public const string AuditRead = "audit.read";

    /// <summary>The Orleans dashboard: it shows every tenant's grains, so only an admin holding every tenant.</summary>
    public const string ClusterAdmin = "cluster.admin";

    /// <summary>Any signed-in principal (who am I, sign out).</summary>
    public const string Principal = "principal";

    private static readonly string[] Operators = [Roles.Admin, Roles.Operator];

    private static readonly IReadOnlyDictionary<string, string[]> Holders = new Dictionary<string, string[]>
    {
        [Read] = [Roles.Admin, Roles.Operator, Roles.Viewer, Roles.Finance, Roles.Hq],
        [OrdersRead] = [Roles.Admin, Roles.Operator, Roles.Viewer, Roles.Finance, Roles.Hq],
        [OrdersWrite] = Operators,
        [OrdersShip] = Operators,
        [ReturnsRead] = [Roles.Admin, Roles.Operator, Roles.Viewer, Roles.Finance, Roles.Hq],
        [ReturnsWrite] = Operators,
        [NotificationsRead] = [Roles.Admin, Roles.Operator, Roles.Hq],
        [NotificationsWrite] = Operators,
        [SetupWrite] = Operators,
        [BreakersWrite] = Operators,
        [ChannelsPull] = Operators,
        [Intake] = [Roles.Admin],
        [Carriers] = [Roles.Admin, Roles.Operator, Roles.CarriersConnector],
        [DemoSeed] = [Roles.Admin],
        [AccessAdmin] = [Roles.Admin],
        [AuditRead] = [Roles.Admin, Roles.Hq],
    };

    /// <summary>Every permission the principal holds; intake names its channels (<c>intake:taobao</c>).</summary>
    public static IReadOnlyList<string> Of(HubPrincipal principal)
    {
        IReadOnlyList<string> roles = principal.Roles;
        List<string> granted = Holders.Keys.Where(permission => Allows(permission, roles)).ToList();
        granted.AddRange(roles.Where(r => r.StartsWith(Roles.ConnectorPrefix, StringComparison.Ordinal) && r != Roles.CarriersConnector)
            .Select(r => $"{Intake}:{r[Roles.ConnectorPrefix.Length..]}"));
        granted.Add(Principal);
        if (AllowsCluster(principal))
        {
            granted.Add(ClusterAdmin);
        }
        return granted;
    }

    /// <summary>Whether <paramref name="roles"/> grant <paramref name="permission"/> (a supplier's orders are checked by the route).</summary>
    public static bool Allows(string permission, IReadOnlyCollection<string> roles)
    {
        if (permission == Principal)
        {
            return true;
        }
        if (permission is OrdersRead or OrdersShip && Roles.SupplierOf(roles) is not null)
        {
            return true;
        }
        return Holders.TryGetValue(permission, out string[]? holders) && roles.Any(holders.Contains);
    }

    /// <summary>The Orleans dashboard shows every tenant's grains: an admin holding every tenant.</summary>
    public static bool AllowsCluster(HubPrincipal principal) => principal.Roles.Contains(Roles.Admin) && principal.HoldsAnyTenant;

    /// <summary>Whether <paramref name="roles"/> may post <paramref name="channel"/>'s orders and events.</summary>
    public static bool AllowsIntake(Channel channel, IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Admin) || roles.Contains(Roles.Connector(channel));

    /// <summary>Every policy name a route may carry.</summary>
    public static IEnumerable<string> All => Holders.Keys.Append(Principal).Append(ClusterAdmin);
}
