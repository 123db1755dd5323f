using System;
using System.Linq;
using PlatformFit.Core.Platforms;
using PlatformFit.Core.Rules.Config;

namespace PlatformFit.Core.Tests.Rules
{
    [Trait("Rule", "PF4001")]
    [Trait("Rule", "PF4002")]
    public class RetiredRuntimeTests
    {
        private const string Dotnet8 = """
            provider:
              name: aws
              runtime: dotnet8
            functions:
              api:
                handler: Orders
            """;

        private static ConfigFinding? Check(string yaml, DateTime? scanDate) =>
            RetiredRuntime.Check(ConfigUnits.Read(yaml), PlatformProfiles.AwsLambda, scanDate);

        private static DateTime Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void Dotnet8_is_fine_the_day_before_its_deprecation() => Assert.Null(Check(Dotnet8, Day(2026, 11, 9)));

        [Fact]
        public void Dotnet8_is_deprecated_from_2026_11_10_with_the_dates_and_the_successor_from_the_profile()
        {
            var finding = Check(Dotnet8, Day(2026, 11, 10));

            Assert.NotNull(finding);
            Assert.Equal("PF4001", finding.Rule.Id);
            Assert.Equal("dotnet8", finding.Primary.Text(Dotnet8));
            Assert.Equal(
                "Runtime 'dotnet8' is deprecated since 2026-11-10 (scan date 2026-11-10): AWS no longer applies security patches to it, " +
                "and creating functions on it is blocked from 2027-02-01, updating them from 2027-03-03; move to dotnet10",
                finding.Message);
        }

        [Fact]
        public void Dotnet8_is_blocked_for_new_functions_from_2027_02_01()
        {
            var finding = Check(Dotnet8, Day(2027, 2, 1));

            Assert.NotNull(finding);
            Assert.Equal("PF4002", finding.Rule.Id);
            Assert.Equal(
                "Runtime 'dotnet8' is blocked as of 2027-02-01: AWS blocks creating functions on it since 2027-02-01, so deploying to a new stage, account or region fails, " +
                "and updating existing functions fails from 2027-03-03; move to dotnet10",
                finding.Message);
        }

        [Fact]
        public void Dotnet8_is_blocked_for_every_deployment_from_2027_03_03()
        {
            var finding = Check(Dotnet8, Day(2027, 3, 3));

            Assert.NotNull(finding);
            Assert.Equal("PF4002", finding.Rule.Id);
            Assert.Contains("since 2027-02-01 and updating them since 2027-03-03, so every deployment of this function fails", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Dotnet10_is_fine_on_the_scan_date() =>
            Assert.Null(Check(Dotnet8.Replace("dotnet8", "dotnet10", StringComparison.Ordinal), ConfigUnits.ScanDate));

        [Theory]
        [InlineData("dotnetcore2.0")]
        [InlineData("dotnetcore1.0")]
        public void Runtimes_whose_sources_give_only_a_year_are_blocked_after_that_year_and_say_so(string runtime)
        {
            var yaml = Dotnet8.Replace("dotnet8", runtime, StringComparison.Ordinal);

            var finding = Check(yaml, ConfigUnits.ScanDate);
            Assert.NotNull(finding);
            Assert.Equal("PF4002", finding.Rule.Id);
            Assert.Equal(
                $"Runtime '{runtime}' is blocked as of 2026-11-26: AWS blocks creating functions on it since 2019 and updating them since 2019, so every deployment of this function fails; move to dotnet10",
                finding.Message);

            // Within the year the day is unknown: nothing is claimed before it has certainly passed.
            Assert.Null(Check(yaml, Day(2019, 12, 30)));
        }

        [Fact]
        public void Without_a_scan_date_the_rules_are_silent() => Assert.Null(Check(Dotnet8, null));

        [Fact]
        public void Dotnet9_is_deprecated_and_has_no_block_dates()
        {
            var finding = Check(Dotnet8.Replace("dotnet8", "dotnet9", StringComparison.Ordinal), ConfigUnits.ScanDate);

            Assert.NotNull(finding);
            Assert.Equal("PF4001", finding.Rule.Id);
            Assert.Contains("and AWS has not announced when it blocks creating and updating functions on it; move to dotnet10", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Provided_al2_moves_to_provided_al2023()
        {
            var finding = Check(Dotnet8.Replace("dotnet8", "provided.al2", StringComparison.Ordinal), ConfigUnits.ScanDate);

            Assert.NotNull(finding);
            Assert.Equal("PF4001", finding.Rule.Id);
            Assert.EndsWith("move to provided.al2023", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_long_blocked_runtime_is_PF4002()
        {
            var finding = Check(Dotnet8.Replace("dotnet8", "dotnetcore3.1", StringComparison.Ordinal), ConfigUnits.ScanDate);

            Assert.NotNull(finding);
            Assert.Equal("PF4002", finding.Rule.Id);
        }

        [Theory]
        [InlineData("nodejs20.x")]
        [InlineData("${param:runtime}")]
        public void Runtimes_the_profile_does_not_list_and_unknown_values_are_silent(string runtime) =>
            Assert.Null(Check(Dotnet8.Replace("dotnet8", runtime, StringComparison.Ordinal), ConfigUnits.ScanDate));

        [Fact]
        public void A_container_image_function_brings_its_own_runtime() =>
            Assert.Null(Check("""
                provider:
                  name: aws
                  runtime: dotnet8
                functions:
                  api:
                    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:latest
                """, ConfigUnits.ScanDate));

        [Fact]
        public void A_shared_runtime_gives_every_function_the_same_finding_so_hosts_report_it_once()
        {
            var units = ConfigUnits.ReadAll("""
                provider:
                  name: aws
                  runtime: dotnet8
                functions:
                  a:
                    handler: Orders::Orders.A::Run
                  b:
                    handler: Orders::Orders.B::Run
                """);

            var findings = units.Select(u => RetiredRuntime.Check(u, PlatformProfiles.AwsLambda, ConfigUnits.ScanDate)!).ToList();
            Assert.Single(findings.Select(f => (f.Primary, f.Message)).Distinct());
        }
    }
}
