using Microsoft.EntityFrameworkCore;

namespace Gallery;

public sealed class Photo
{
    public int Id { get; set; }

    public string Album { get; set; } = "";

    public string Name { get; set; } = "";
}

public sealed class GalleryDb(DbContextOptions<GalleryDb> options) : DbContext(options)
{
    public DbSet<Photo> Photos => Set<Photo>();
}

public sealed class ThumbnailDb(DbContextOptions<ThumbnailDb> options) : DbContext(options)
{
    public DbSet<Photo> Thumbnails => Set<Photo>();
}
