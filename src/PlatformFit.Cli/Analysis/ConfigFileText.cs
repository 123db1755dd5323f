using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PlatformFit.Cli.Analysis
{
    /// <summary>A deployment config handed to the analyzers as an AdditionalFile, read once and shared by every project.</summary>
    internal sealed class ConfigFileText : AdditionalText
    {
        private readonly SourceText text;

        public ConfigFileText(string path, SourceText text)
        {
            Path = path;
            this.text = text;
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
