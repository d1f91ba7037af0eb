using Npgsql;
using OrderActors.LoadTest.Traffic;

namespace OrderActors.LoadTest.Naive;

/// <summary>Creates (or resets) the naive baseline's schema and loads the run's starting stock into it.</summary>
public static class NaiveSchema
{
    public const string Name = "naive_baseline";

    public static async Task ResetAsync(NpgsqlDataSource dataSource, IEnumerable<StockLevel> stock, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(ReadScript(), connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        StockLevel[] levels = stock.ToArray();
        await using var load = new NpgsqlCommand(
            "INSERT INTO naive_baseline.stock (warehouse_id, sku, on_hand, stocked) SELECT w, s, n, n FROM unnest($1::text[], $2::text[], $3::int[]) AS t(w, s, n)",
            connection);
        load.Parameters.Add(new NpgsqlParameter { Value = levels.Select(level => level.WarehouseId).ToArray() });
        load.Parameters.Add(new NpgsqlParameter { Value = levels.Select(level => level.Sku.Sku).ToArray() });
        load.Parameters.Add(new NpgsqlParameter { Value = levels.Select(level => level.OnHand).ToArray() });
        await load.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadScript()
    {
        using Stream stream = typeof(NaiveSchema).Assembly.GetManifestResourceStream($"OrderActors.LoadTest.Naive.{Name}.sql")
            ?? throw new InvalidOperationException("the naive baseline's schema script is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
