using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PlatformFit.Analyzers.State
{
    /// <summary>
    /// The database file a SQLite connection string opens (<c>Data Source=app.db</c>, also <c>DataSource</c> and
    /// <c>Filename</c>), for a constant string or an interpolation whose data source is one hole
    /// (<c>$"Data Source={path}"</c>). In-memory and read-only databases write no file.
    /// </summary>
    internal static class SqliteDataSource
    {
        private static readonly string[] DataSourceKeys = { "data source", "datasource", "filename" };

        public static WrittenPath Of(IOperation? connectionString, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (connectionString)
            {
                case IConversionOperation conversion:
                    return Of(conversion.Operand, model, cancellationToken);
                case { ConstantValue: { HasValue: true, Value: string text } }:
                    return IsInMemoryOrReadOnly(text) ? WrittenPath.FromLiteral(null) : WrittenPath.FromLiteral(ValueOf(text));
                case IInterpolatedStringOperation interpolated:
                    var parts = interpolated.Parts;
                    var texts = string.Concat(parts.OfType<IInterpolatedStringTextOperation>().Select(t => t.Text.ConstantValue.Value as string));
                    if (IsInMemoryOrReadOnly(texts))
                    {
                        return WrittenPath.FromLiteral(null);
                    }

                    for (var i = 0; i + 1 < parts.Length; i++)
                    {
                        if (parts[i] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string before }
                            && DataSourceKeys.Any(key => before.TrimEnd().EndsWith(key + "=", StringComparison.OrdinalIgnoreCase))
                            && parts[i + 1] is IInterpolationOperation hole)
                        {
                            return WrittenPath.Of(hole.Expression, model, cancellationToken);
                        }
                    }

                    return WrittenPath.FromLiteral(null);
                case ILocalReferenceOperation local:
                    return Of(LocalOrigin.Of(local.Local, model, cancellationToken), model, cancellationToken);
                case IFieldReferenceOperation { Field: { IsReadOnly: true } field }:
                    // A connection string kept in a readonly field of the same file.
                    var initializer = field.DeclaringSyntaxReferences
                        .Where(r => r.SyntaxTree == model.SyntaxTree)
                        .Select(r => (r.GetSyntax(cancellationToken) as VariableDeclaratorSyntax)?.Initializer?.Value)
                        .FirstOrDefault(v => v is not null);
                    return initializer is null ? WrittenPath.FromLiteral(null) : Of(model.GetOperation(initializer, cancellationToken), model, cancellationToken);
                default:
                    return WrittenPath.FromLiteral(null);
            }
        }

        private static string? ValueOf(string connectionString)
        {
            foreach (var pair in connectionString.Split(';'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0 && DataSourceKeys.Contains(pair.Substring(0, equals).Trim().ToLowerInvariant()))
                {
                    var value = pair.Substring(equals + 1).Trim().Trim('"', '\'');
                    return value == ":memory:" ? null : value;
                }
            }

            return null;
        }

        private static bool IsInMemoryOrReadOnly(string connectionString)
        {
            var normalized = connectionString.Replace(" ", string.Empty).ToLowerInvariant();
            return normalized.Contains("mode=memory") || normalized.Contains("mode=readonly") || normalized.Contains("readonly=true") || normalized.Contains(":memory:");
        }
    }
}
