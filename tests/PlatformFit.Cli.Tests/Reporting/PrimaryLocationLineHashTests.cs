using System.Linq;
using PlatformFit.Cli.Reporting;

namespace PlatformFit.Cli.Tests.Reporting
{
    /// <summary>
    /// Known answers from github/codeql-action's own tests of the algorithm this ports: src/fingerprints.test.ts,
    /// test "hash" (the empty file, the five newline variants of " hello; …", and ten repeated "Lorem ipsum" lines).
    /// If these pass, GitHub's upload-sarif computes the same value and never reports a mismatch.
    /// </summary>
    public sealed class PrimaryLocationLineHashTests
    {
        private static readonly string[] s_helloWorldWithTrailingNewline =
        {
            "e9496ae3ebfced30:1",
            "fb7c023a8b9ccb3f:1",
            "ce8ba1a563dcdaca:1",
            "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1",
            "c8e28b0b4002a3a0:1",
            "c129715d7a2bc9a3:1",
        };

        [Fact]
        public void An_empty_file_has_one_line_with_the_hash_of_the_end_of_file()
        {
            Assert.Equal(new[] { "c129715d7a2bc9a3:1" }, PrimaryLocationLineHash.ForEveryLine(string.Empty));
        }

        [Fact]
        public void Leading_spaces_and_tabs_do_not_count()
        {
            Assert.Equal(
                new[] { "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1" },
                PrimaryLocationLineHash.ForEveryLine(" a\nb\n  \t\tc\n d"));
        }

        [Fact]
        public void A_file_without_a_final_newline_hashes_each_of_its_lines()
        {
            Assert.Equal(
                new[] { "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1" },
                PrimaryLocationLineHash.ForEveryLine(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"));
        }

        [Theory]
        [InlineData(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n")]
        [InlineData(" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r")]
        [InlineData(" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n")]
        [InlineData(" hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n")]
        public void Lf_cr_and_crlf_line_ends_give_the_same_hashes(string text)
        {
            Assert.Equal(s_helloWorldWithTrailingNewline, PrimaryLocationLineHash.ForEveryLine(text));
        }

        [Fact]
        public void Identical_lines_are_told_apart_by_their_occurrence()
        {
            var text = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 10));

            Assert.Equal(
                new[]
                {
                    "a7f2ff13bc495cf2:1",
                    "a7f2ff13bc495cf2:2",
                    "a7f2ff13bc495cf2:3",
                    "a7f2ff13bc495cf2:4",
                    "a7f2ff13bc495cf2:5",
                    "a7f2ff13bc495cf2:6",
                    "a7f2ff1481e87703:1",
                    "a9cf91f7bbf1862b:1",
                    "55ec222b86bcae53:1",
                    "cc97dc7b1d7d8f7b:1",
                    "c129715d7a2bc9a3:1",
                },
                PrimaryLocationLineHash.ForEveryLine(text));
        }

        [Fact]
        public void Lines_inserted_above_a_line_do_not_change_its_hash()
        {
            var original = PrimaryLocationLineHash.ForEveryLine(ChatApiScan.ProgramSource);
            var shifted = PrimaryLocationLineHash.ForEveryLine("// Chat API entry point.\n#nullable enable\n" + ChatApiScan.ProgramSource);

            Assert.Equal(original, shifted.Skip(2));
        }
    }
}
