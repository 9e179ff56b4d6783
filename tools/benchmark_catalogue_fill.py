"""Fill a database with N published catalogue resources and N published blog posts, for
`tools/ess bench-catalogue` (run in Odoo's shell; N from ESS_BENCH_COUNT; it commits; it prints how many
resources are published)."""

import os

count = int(os.environ.get("ESS_BENCH_COUNT", "10000"))
dimensions = env["ess.dimension"].search([])  # noqa: F821 - the shell's environment
tags = env["ess.catalogue.tag"].search([])  # noqa: F821
types = ["tool", "provider_service", "programme", "training", "case", "guide", "funding"]
licences = ["free_software", "open_content", "freemium", "proprietary"]
for start in range(0, count, 1000):
    env["ess.catalogue.resource"].create(  # noqa: F821
        [
            {
                "name": f"Recurs {index}",
                "summary": f"Un recurs del banc de proves, número {index}",
                "description": f"<p>Descripció del recurs {index} per mesurar el catàleg.</p>",
                "resource_type": types[index % len(types)],
                "license_type": licences[index % len(licences)],
                "cost": ("free", "paid", "mixed")[index % 3],
                "dimension_ids": [(6, 0, dimensions[index % len(dimensions)].ids)],
                "tag_ids": [(6, 0, tags[index % len(tags)].ids)] if tags else [],
                "state": "published",
            }
            for index in range(start, min(start + 1000, count))
        ]
    )
    env.cr.commit()  # noqa: F821
blog = env["blog.blog"].search([], limit=1) or env["blog.blog"].create({"name": "Bench"})  # noqa: F821
for start in range(0, count, 1000):
    env["blog.post"].create(  # noqa: F821
        [
            {
                "name": f"Article {index}",
                "subtitle": f"Un article del banc de proves, número {index}",
                "blog_id": blog.id,
                "content": f"<p>Contingut de l'article {index}.</p>",
                "is_published": True,
            }
            for index in range(start, min(start + 1000, count))
        ]
    )
    env.cr.commit()  # noqa: F821
# Fresh statistics, as autovacuum keeps them on a live database.
env.cr.commit()  # noqa: F821
env.cr.execute("ANALYZE ess_catalogue_resource, blog_post")  # noqa: F821
# With N = 0 (a kept database), nothing is added: the line tells what the database holds.
published = env["ess.catalogue.resource"].search_count([("is_published", "=", True)])  # noqa: F821
posts = env["blog.post"].search_count([("is_published", "=", True)])  # noqa: F821
print(f"filled {published} {posts} dimension={dimensions[0].id}")
