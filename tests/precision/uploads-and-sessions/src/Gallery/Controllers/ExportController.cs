using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Gallery.Controllers;

[ApiController]
[Route("api/export")]
public sealed class ExportController(GalleryDb db, IWebHostEnvironment env) : ControllerBase
{
    [HttpPost("{album}")]
    public IActionResult Export(string album)
    {
        var photos = db.Photos.Where(p => p.Album == album).ToList();
        var exportFolder = Path.Combine(env.ContentRootPath, "exports");
        Directory.CreateDirectory(exportFolder); // expect: PF2003
        System.IO.File.WriteAllText(Path.Combine(exportFolder, $"{album}.json"), JsonSerializer.Serialize(photos)); // expect: PF2003
        ZipFile.CreateFromDirectory(exportFolder, Path.Combine(Path.GetTempPath(), $"{album}.zip")); // look-alike: PF2003
        return File(System.IO.File.ReadAllBytes(Path.Combine(Path.GetTempPath(), $"{album}.zip")), "application/zip", $"{album}.zip"); // look-alike: PF2003
    }

    [HttpGet("{album}/manifest")]
    public IActionResult Manifest(string album)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "manifests", $"{album}.json");
        using var reader = new FileStream(manifest, FileMode.Open, FileAccess.Read, FileShare.Read); // look-alike: PF2003
        return File(reader, "application/json"); // look-alike: PF2003
    }
}
