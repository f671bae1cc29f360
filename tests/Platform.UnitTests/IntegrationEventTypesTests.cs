using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.UnitTests;

public class IntegrationEventTypesTests
{
    [Fact]
    public void Resolves_every_contract_event_by_the_name_the_outbox_stores()
    {
        Assert.NotEmpty(IntegrationEventTypes.All);
        foreach (var type in IntegrationEventTypes.All)
        {
            Assert.True(IntegrationEventTypes.TryResolve(IntegrationEventTypes.NameOf(type), out var resolved));
            Assert.Equal(type, resolved);
        }
    }

    [Fact]
    public void Refuses_a_type_that_is_not_a_contract_event() =>
        Assert.Throws<ArgumentException>(() => IntegrationEventTypes.NameOf(typeof(string)));

    [Fact]
    public void Every_event_is_an_immutable_record_without_identity_fields()
    {
        foreach (var type in IntegrationEventTypes.All)
        {
            Assert.NotNull(type.GetMethod("<Clone>$")); // a record
            Assert.DoesNotContain(type.GetProperties(), p => p.Name is "Nir" or "FirstName" or "LastName");
        }

        Assert.Contains(typeof(PatientRegistered), IntegrationEventTypes.All);
    }
}
