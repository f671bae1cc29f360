using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Platform.Messaging.Sagas;

/// <summary>The locking read, built once per saga type from the EF model (table and key column names).</summary>
internal static class PostgresSagaSql<TSaga>
{
    private static string? s_lockOne;

    public static string LockOne(IModel model)
    {
        if (s_lockOne is null)
        {
            var entity = model.FindEntityType(typeof(TSaga)) ?? throw new InvalidOperationException($"{typeof(TSaga).Name} is not mapped in the DbContext.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()?.Properties.Single() ?? throw new InvalidOperationException($"{typeof(TSaga).Name} needs a single-column key.");
            var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
            // Every mapped column by name: "*" would leave out system columns such as xmin, the row version.
            var columns = string.Join(", ", entity.GetProperties().Select(p => $"\"{p.GetColumnName(table)}\""));
            s_lockOne = $"SELECT {columns} FROM {name} WHERE \"{key.GetColumnName(table)}\" = {{0}} FOR UPDATE";
        }

        return s_lockOne;
    }
}
