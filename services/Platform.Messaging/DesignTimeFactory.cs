using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Messaging;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without a running service or database.
/// Each service declares one: <c>internal sealed class XFactory : DesignTimeFactory&lt;XDbContext&gt;;</c>.
/// </summary>
public abstract class DesignTimeFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext> where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UsePlatformPostgres("Host=localhost").Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
