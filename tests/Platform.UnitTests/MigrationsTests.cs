using Microsoft.EntityFrameworkCore;
using Platform.Coordination;
using Platform.Funding;
using Platform.Messaging;
using Platform.Missions;
using Platform.Patients;

namespace Platform.UnitTests;

/// <summary>A model change without its migration would break the next deployment: each service's must be complete.</summary>
public class MigrationsTests
{
    public static TheoryData<Type> Contexts => [typeof(PatientsDbContext), typeof(MissionsDbContext), typeof(FundingDbContext), typeof(CoordinationDbContext)];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_model_change_has_its_migration(Type contextType)
    {
        using var db = Create(contextType);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{contextType.Name} has model changes without a migration: run dotnet ef migrations add");
    }

    [Theory]
    [MemberData(nameof(Contexts))]
    public void Every_service_database_carries_the_outbox_and_the_inbox(Type contextType)
    {
        using var db = Create(contextType);
        Assert.Equal(MessagingModel.OutboxTable, db.Model.FindEntityType(typeof(OutboxMessage))?.GetTableName());
        Assert.Equal(MessagingModel.InboxTable, db.Model.FindEntityType(typeof(InboxMessage))?.GetTableName());
    }

    private static DbContext Create(Type contextType)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        return (DbContext)Activator.CreateInstance(contextType, builder.UsePlatformPostgres("Host=localhost").Options)!;
    }
}
