using Platform.Contracts;
using Platform.Geography;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>The official geography as the services read it: what it holds, and what it says of each kind of code.</summary>
public class FranceGeographyTests
{
    private static readonly FranceGeography s_france = FranceGeography.Official;

    [Fact]
    public void It_holds_the_communes_EPCIs_departments_and_regions_of_the_regions_served()
    {
        Assert.Equal(34_875, s_france.Communes.Count); // 34,969 in the COG, less the 94 of the overseas collectivities
        Assert.Equal(1_255, s_france.Epcis.Count);
        Assert.Equal(101, s_france.Departments.Count);
        Assert.Equal(18, s_france.Regions.Count);
        Assert.All(s_france.Communes, c => Assert.False(c.IsArrondissement));
        // Every commune in an EPCI is among its members, and an EPCI's population is its members' summed.
        Assert.All(s_france.Communes.Where(c => c.EpciSiren is not null), c => Assert.Contains(c, s_france.Epci(c.EpciSiren)!.Members));
        Assert.All(s_france.Epcis, e => Assert.Equal(e.Members.Sum(m => m.Population), e.Population));
    }

    [Fact]
    public void Laval_and_its_agglomeration_are_as_INSEE_publishes_them()
    {
        var laval = s_france.Commune("53130")!;
        Assert.Equal(("Laval", "53", "52", 49_400, "200083392"), (laval.Name, laval.Department, laval.Region, laval.Population, laval.EpciSiren));
        Assert.Equal(["53000"], laval.PostalCodes);

        var agglomeration = s_france.Epci("200083392")!;
        Assert.Equal(("CA Laval Agglomération", "CA", 34), (agglomeration.Name, agglomeration.Kind, agglomeration.Members.Count));
        Assert.Equal(115_195, agglomeration.Population);
        Assert.Equal(["53"], agglomeration.Departments);
        Assert.Contains(agglomeration, s_france.EpcisOfDepartment("53"));
        Assert.Contains(agglomeration, s_france.EpcisOfRegion("52"));
        Assert.DoesNotContain(agglomeration, s_france.EpcisOfRegion("53"));
    }

    [Fact]
    public void A_current_commune_is_accepted_and_an_arrondissement_is_one_of_its_city()
    {
        Assert.Equal(CommuneCodeStatus.Current, s_france.Check("2A004").Status); // Ajaccio
        Assert.Equal(CommuneCodeStatus.Current, s_france.Check("97411").Status); // Saint-Denis, La Réunion
        var arrondissement = s_france.Check("75112");
        Assert.Equal(CommuneCodeStatus.Current, arrondissement.Status);
        Assert.True(arrondissement.Commune!.IsArrondissement);
        Assert.Equal("75056", arrondissement.Commune.CityCode);
        Assert.Null(arrondissement.Problem);
    }

    [Fact]
    public void A_former_commune_is_refused_with_its_successor_named()
    {
        var orgeres = s_france.Check("53171"); // Orgères-la-Roche, now part of Lignières-Orgères
        Assert.Equal(CommuneCodeStatus.Former, orgeres.Status);
        Assert.Equal("53133", orgeres.Successor!.Code);
        Assert.Equal("53171 is a former commune, now part of 53133 Lignières-Orgères: use 53133.", orgeres.Problem);
        Assert.False(InseeCode.IsValid("53171"));
        // A commune nouvelle that kept one of its founders' codes: that code is the current commune.
        Assert.Contains("01340", s_france.Commune("01015")!.FormerCodes);
        Assert.Equal(CommuneCodeStatus.Current, s_france.Check("01015").Status);
    }

    [Theory]
    [InlineData("53999", CommuneCodeStatus.Unknown)] // Mayenne's communes end at 53276
    [InlineData("97501", CommuneCodeStatus.Malformed)] // Saint-Pierre-et-Miquelon: an overseas collectivity, not served
    [InlineData("00000", CommuneCodeStatus.Malformed)]
    [InlineData("96001", CommuneCodeStatus.Malformed)]
    [InlineData("53000", CommuneCodeStatus.Malformed)] // a postal code, not an INSEE code
    [InlineData("5313", CommuneCodeStatus.Malformed)]
    [InlineData("", CommuneCodeStatus.Malformed)]
    [InlineData(null, CommuneCodeStatus.Malformed)]
    public void Other_codes_are_refused_saying_why(string? code, CommuneCodeStatus status)
    {
        var check = s_france.Check(code);
        Assert.Equal(status, check.Status);
        Assert.Null(check.Commune);
        Assert.Equal(status == CommuneCodeStatus.Unknown ? $"No commune has the INSEE code {code} (official geography, COG 2026; the overseas collectivities are not served)." : CommuneCodes.Rule, check.Problem);
        Assert.Equal(check.Problem, InseeCode.Problem(code));
    }

    [Fact]
    public void Names_are_found_by_prefix_whatever_the_case_accents_and_hyphens()
    {
        Assert.Equal("saint ouen des toits", FranceGeography.Fold("Saint-Ouën-des-Toits"));
        Assert.Equal("l huisserie", FranceGeography.Fold("L'Huisserie"));
        Assert.Contains(s_france.Search("SAINT OUEN DES"), c => c.Code == "53243");
        Assert.Equal(["53130"], s_france.Search("laval", "53").Select(c => c.Code));
        var saints = s_france.Search("saint-p", "53").ToList();
        Assert.Contains(saints, c => c.Code == "53247"); // Saint-Pierre-la-Cour
        Assert.All(saints, c => Assert.Equal("53", c.Department));
        Assert.Equal(saints.Select(c => FranceGeography.Fold(c.Name)).Order(StringComparer.Ordinal), saints.Select(c => FranceGeography.Fold(c.Name)));
        Assert.Empty(s_france.Search("zzz"));
        Assert.Equal(s_france.Communes.Count(c => c.Department == "53"), s_france.Search("", "53").Count());
    }

    [Fact]
    public void A_file_that_is_not_of_the_expected_layout_is_refused_naming_the_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => FranceGeography.Load(new StringReader("# header\nR\t52\tPays de la Loire\nC\t53130\tLaval\n")));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_communes_are_real_and_never_handed_out_twice()
    {
        var handed = Enumerable.Range(0, 2_000).AsParallel().Select(_ => Communes.Unique()).ToList();
        Assert.Equal(handed.Count, handed.Distinct().Count());
        Assert.All(handed, code => Assert.True(InseeCode.IsValid(code), code));
    }
}
