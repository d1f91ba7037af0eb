using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Abstractions.AfterSales;
using OrderActors.Abstractions.Catalog;
using OrderActors.Abstractions.Common;
using OrderActors.Abstractions.Errors;
using OrderActors.Abstractions.Orders;
using OrderActors.Abstractions.Warehouses;
using OrderActors.Domain.AfterSales;
using OrderActors.ReturnReasons;
using OrderActors.Silo.Access;
using OrderActors.Silo.AfterSales;
using OrderActors.Silo.Api.Contracts;
using OrderActors.Silo.Projections;
using Orleans;
using QRCoder;

namespace OrderActors.Silo.Api;

/// <summary>After-sales (售后): RMAs opened on an order, their queue (from the projection) and every step of their lifecycle.</summary>
public static class ReturnsApi
{
    public static RouteGroupBuilder MapReturnsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/orders/{orderId}/returns", CreateAsync).WithTags("Returns").RequireAuthorization(Permissions.ReturnsWrite);
        RouteGroupBuilder group = app.MapGroup("/api/v1/returns").WithTags("Returns");
        group.MapGet("/", ListAsync).RequireAuthorization(Permissions.ReturnsRead);
        group.MapGet("/counts", CountsAsync).RequireAuthorization(Permissions.ReturnsRead);
        group.MapGet("/{rmaId}", GetAsync).RequireAuthorization(Permissions.ReturnsRead);
        group.MapGet("/{rmaId}/return-address.svg", ReturnAddressQrAsync).RequireAuthorization(Permissions.ReturnsRead);
        group.MapPost("/{rmaId}/approve", ApproveAsync).RequireAuthorization(Permissions.ReturnsWrite);
        group.MapPost("/{rmaId}/reject", RejectAsync).RequireAuthorization(Permissions.ReturnsWrite);
        group.MapPost("/{rmaId}/receive", ReceiveAsync).RequireAuthorization(Permissions.ReturnsWrite);
        group.MapPost("/{rmaId}/refund", RefundAsync).RequireAuthorization(Permissions.ReturnsWrite);
        group.MapPost("/{rmaId}/close", CloseAsync).RequireAuthorization(Permissions.ReturnsWrite);
        group.MapPost("/{rmaId}/reason", CorrectReasonAsync).RequireAuthorization(Permissions.ReturnsWrite);
        return group;
    }

    public static async Task<Created<RmaResponse>> CreateAsync(string orderId, CreateReturnRequest body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        ReturnKind kind = ReturnKind.Return;
        if (!RmaLifecycle.TryParseKind(body.Kind, out kind))
        {
            check.Add("kind", $"kind must be return, exchange or refund_only, not '{body.Kind}'.");
        }
        var lines = new List<ReturnedSku>();
        if (body.Lines is null || body.Lines.Count == 0)
        {
            check.Add("lines", "Name at least one line: { \"sku\", \"quantity\" }.");
        }
        else
        {
            for (int i = 0; i < body.Lines.Count; i++)
            {
                string sku = check.Id($"lines[{i}].sku", body.Lines[i].Sku);
                int quantity = check.Required($"lines[{i}].quantity", body.Lines[i].Quantity);
                if (body.Lines[i].Quantity is <= 0)
                {
                    check.Add($"lines[{i}].quantity", "quantity must be at least 1.");
                }
                lines.Add(new ReturnedSku(sku, quantity));
            }
        }
        string reason = body.ReasonText?.Trim() ?? "";
        check.MaxLength("reasonText", reason, TextLimits.Reason);
        if (body.ShippingInsuranceFen is < 0)
        {
            check.Add("shippingInsuranceFen", "shippingInsuranceFen cannot be negative.");
        }
        check.ThrowIfAny();
        var request = new ReturnRequest(kind, [.. lines], reason, new Money(body.ShippingInsuranceFen ?? 0), Operators.SourceOf(context));
        IOrderGrain order = grains.GetGrain<IOrderGrain>(Keys.Order(Tenancy.Of(context), RequestCheck.ValidId("orderId", orderId)));
        if (await order.GetAsync() is null)
        {
            throw new NotFoundException($"Order {orderId} does not exist.");
        }
        RmaRecord rma = await order.OpenReturnAsync(request);
        return TypedResults.Created($"/api/v1/returns/{rma.RmaId}", await ResponseAsync(grains, context, rma));
    }

    public static async Task<Ok<PageResponse<RmaSummaryResponse>>> ListAsync(
        HttpContext context, IRmaProjection projection, string? status, string? reasonCode, string? kind, string? orderId, int? page, int? pageSize)
    {
        var check = new RequestCheck();
        RmaStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse(status, ignoreCase: true, out RmaStatus s) && Enum.IsDefined(s))
            {
                parsedStatus = s;
            }
            else
            {
                check.Add("status", $"Unknown status '{status}': one of {string.Join(", ", Enum.GetNames<RmaStatus>())}.");
            }
        }
        if (reasonCode is not null && !ReasonCodes.IsKnown(reasonCode))
        {
            check.Add("reasonCode", $"Unknown reason '{reasonCode}': one of {string.Join(", ", ReasonCodes.All)}.");
        }
        ReturnKind? parsedKind = null;
        if (kind is not null)
        {
            if (RmaLifecycle.TryParseKind(kind, out ReturnKind k))
            {
                parsedKind = k;
            }
            else
            {
                check.Add("kind", $"kind must be return, exchange or refund_only, not '{kind}'.");
            }
        }
        if (orderId is not null)
        {
            check.Id("orderId", orderId);
        }
        int pageNumber = page ?? 1;
        int size = pageSize ?? 50;
        check.Range("page", pageNumber, 1, int.MaxValue);
        check.Range("pageSize", size, 1, 200);
        check.ThrowIfAny();
        return TypedResults.Ok(await projection.QueryAsync(new RmaQuery(Tenancy.Of(context), parsedStatus, reasonCode, parsedKind, orderId, pageNumber, size)));
    }

    public static async Task<Ok<RmaCountsResponse>> CountsAsync(HttpContext context, IRmaProjection projection) =>
        TypedResults.Ok(await projection.CountsAsync(Tenancy.Of(context)));

    public static async Task<Ok<RmaResponse>> GetAsync(string rmaId, HttpContext context, IGrainFactory grains) =>
        TypedResults.Ok(await ResponseAsync(grains, context, await ExistingAsync(grains, context, rmaId)));

    public static async Task<Ok<RmaResponse>> ApproveAsync(string rmaId, NoteRequest? body, HttpContext context, IGrainFactory grains)
    {
        string? note = Note(body?.Note);
        RmaRecord rma = await (await RmaAsync(grains, context, rmaId)).ApproveAsync(note, Operators.SourceOf(context));
        return TypedResults.Ok(await ResponseAsync(grains, context, rma));
    }

    public static async Task<Ok<RmaResponse>> RejectAsync(string rmaId, NoteRequest? body, HttpContext context, IGrainFactory grains)
    {
        string? note = Note(body?.Note);
        RmaRecord rma = await (await RmaAsync(grains, context, rmaId)).RejectAsync(note, Operators.SourceOf(context));
        return TypedResults.Ok(await ResponseAsync(grains, context, rma));
    }

    public static async Task<Ok<RmaResponse>> ReceiveAsync(string rmaId, ReceiveReturnRequest body, HttpContext context, IGrainFactory grains)
    {
        var check = new RequestCheck();
        var lines = new List<ReceivedSku>();
        if (body.Lines is null || body.Lines.Count == 0)
        {
            check.Add("lines", "Say what came back: [{ \"sku\", \"receivedQuantity\", \"damagedQuantity\" }].");
        }
        else
        {
            for (int i = 0; i < body.Lines.Count; i++)
            {
                string sku = check.Id($"lines[{i}].sku", body.Lines[i].Sku);
                int good = body.Lines[i].ReceivedQuantity ?? 0;
                int damaged = body.Lines[i].DamagedQuantity ?? 0;
                if (good < 0 || damaged < 0)
                {
                    check.Add($"lines[{i}]", "receivedQuantity and damagedQuantity cannot be negative.");
                }
                lines.Add(new ReceivedSku(sku, good, damaged));
            }
        }
        string? warehouseId = body.WarehouseId is null ? null : check.Id("warehouseId", body.WarehouseId);
        string? note = body.Note?.Trim();
        if (note is not null)
        {
            check.MaxLength("note", note, TextLimits.Reason);
        }
        check.ThrowIfAny();
        if (warehouseId is not null)
        {
            await StockedAtAsync(grains, Tenancy.Of(context), warehouseId, lines.Select(l => l.Sku).Distinct());
        }
        IRmaGrain grain = await RmaAsync(grains, context, rmaId);
        RmaRecord rma = await grain.ReceiveAsync([.. lines], warehouseId, string.IsNullOrEmpty(note) ? null : note, Operators.SourceOf(context));
        return TypedResults.Ok(await ResponseAsync(grains, context, rma));
    }

    public static async Task<Ok<RmaResponse>> RefundAsync(string rmaId, HttpContext context, IGrainFactory grains)
    {
        RmaRecord rma = await (await RmaAsync(grains, context, rmaId)).RefundAsync(Operators.SourceOf(context));
        return TypedResults.Ok(await ResponseAsync(grains, context, rma));
    }

    public static async Task<Ok<RmaResponse>> CloseAsync(string rmaId, HttpContext context, IGrainFactory grains)
    {
        RmaRecord rma = await (await RmaAsync(grains, context, rmaId)).CloseAsync(Operators.SourceOf(context));
        return TypedResults.Ok(await ResponseAsync(grains, context, rma));
    }

    public static async Task<Ok<RmaResponse>> CorrectReasonAsync(
        string rmaId, ReasonCorrectionRequest body, HttpContext context, IGrainFactory grains, ReasonModels models)
    {
        if (!ReasonCodes.IsKnown(body.ReasonCode))
        {
            throw new RequestValidationException("reasonCode", $"reasonCode must be one of {string.Join(", ", ReasonCodes.All)}.");
        }
        RmaRecord rma = await (await RmaAsync(grains, context, rmaId)).CorrectReasonAsync(body.ReasonCode!, Operators.SourceOf(context));
        models.CorrectionArrived();
        return TypedResults.Ok(await ResponseAsync(grains, context, rma));
    }

    /// <summary>The return address as a QR code (SVG) the buyer scans: the receiving warehouse and the RMA number.</summary>
    public static async Task<IResult> ReturnAddressQrAsync(string rmaId, HttpContext context, IGrainFactory grains)
    {
        RmaRecord rma = await ExistingAsync(grains, context, rmaId);
        ReturnAddressResponse address = await AddressAsync(grains, Tenancy.Of(context), rma)
            ?? throw new NotFoundException($"RMA {rmaId} has no receiving warehouse yet: its lines did not ship from a known warehouse.");
        using var generator = new QRCodeGenerator();
        using QRCodeData data = generator.CreateQrCode(address.Text, QRCodeGenerator.ECCLevel.M);
        string svg = new SvgQRCode(data).GetGraphic(6);
        return Results.Text(svg, "image/svg+xml");
    }

    /// <summary>Returns are received where the SKU is stocked, so the units show in its inventory and the audit.</summary>
    private static async Task StockedAtAsync(IGrainFactory grains, string tenant, string warehouseId, IEnumerable<string> skus)
    {
        if (await grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, warehouseId)).GetAsync() is null)
        {
            throw new RequestValidationException("warehouseId", $"Warehouse {warehouseId} does not exist.");
        }
        ICatalogGrain catalog = grains.GetGrain<ICatalogGrain>(Keys.Tenant(tenant));
        foreach (string sku in skus)
        {
            if (!(await catalog.WarehousesOfAsync(sku)).Contains(warehouseId))
            {
                throw new RequestValidationException("warehouseId", $"{sku} is not stocked at {warehouseId}: set its inventory there first, or receive it where it shipped from.");
            }
        }
    }

    private static async Task<RmaResponse> ResponseAsync(IGrainFactory grains, HttpContext context, RmaRecord rma) =>
        RmaResponse.From(rma, await AddressAsync(grains, Tenancy.Of(context), rma));

    /// <summary>Where the goods go: the warehouse receiving the first line (where it shipped from, or where it was received).</summary>
    private static async Task<ReturnAddressResponse?> AddressAsync(IGrainFactory grains, string tenant, RmaRecord rma)
    {
        if (rma.Kind == ReturnKind.RefundOnly || rma.Lines.FirstOrDefault(l => l.WarehouseId is not null)?.WarehouseId is not { } warehouseId)
        {
            return null;
        }
        WarehouseView? warehouse = await grains.GetGrain<IWarehouseGrain>(Keys.Warehouse(tenant, warehouseId)).GetAsync();
        string name = warehouse?.Definition.Name ?? warehouseId;
        string region = warehouse?.Definition.Region is { Length: > 0 } r ? $"（{r}）" : "";
        return new ReturnAddressResponse(warehouseId, name, $"退货地址：{name}{region} 仓库编号 {warehouseId}；退货单号 {rma.RmaId}；订单 {rma.OrderId}");
    }

    private static string? Note(string? note)
    {
        if (note is null)
        {
            return null;
        }
        var check = new RequestCheck();
        check.MaxLength("note", note, TextLimits.Reason);
        check.ThrowIfAny();
        return string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private static async Task<RmaRecord> ExistingAsync(IGrainFactory grains, HttpContext context, string rmaId) =>
        await (await RmaAsync(grains, context, rmaId)).GetAsync() ?? throw new NotFoundException($"RMA {rmaId} does not exist.");

    /// <summary>The RMA's grain, once it is known to exist (an unknown id is 404, and no grain state is created for it).</summary>
    private static async Task<IRmaGrain> RmaAsync(IGrainFactory grains, HttpContext context, string rmaId)
    {
        if (!Keys.IsValidRmaId(rmaId))
        {
            throw new RequestValidationException("rmaId", $"rmaId may only contain {Keys.IdRule.Replace("64", "80", StringComparison.Ordinal)}.");
        }
        IRmaGrain grain = grains.GetGrain<IRmaGrain>(Keys.Rma(Tenancy.Of(context), rmaId));
        return await grain.GetAsync() is null ? throw new NotFoundException($"RMA {rmaId} does not exist.") : grain;
    }
}
