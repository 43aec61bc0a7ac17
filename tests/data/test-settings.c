/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include <gio/gio.h>

/*
 * The schema compiled into the build directory (what an uninstalled run and
 * the window tests load through GSETTINGS_SCHEMA_DIR) holds exactly the keys
 * the window reads, with the defaults and choices it expects.
 */

static char *schema_dir;

static GSettingsSchema *
load_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  GSettingsSchema *schema;

  source = g_settings_schema_source_new_from_directory (schema_dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);
  return schema;
}

static void
assert_default (GSettingsSchema *schema,
                const char      *name,
                const char      *type,
                const char      *value)
{
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, name);
  g_autoptr(GVariant) fallback = g_settings_schema_key_get_default_value (key);
  g_autofree char *printed = g_variant_print (fallback, FALSE);

  g_assert_cmpstr (g_variant_get_type_string (fallback), ==, type);
  g_assert_cmpstr (printed, ==, value);
}

static void
test_path (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();

  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, "/io/github/newsgraph/Newsgraph/");
}

static void
test_keys (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();
  g_auto(GStrv) keys = g_settings_schema_list_keys (schema);
  const char *expected[] = { "details-width", "layout-engine", "sidebar-width", "style",
                             "window-height", "window-maximized", "window-width" };

  g_assert_cmpuint (g_strv_length (keys), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_strv_contains ((const char *const *) keys, expected[i]));
}

static void
test_window_defaults (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();

  assert_default (schema, "window-width", "i", "1200");
  assert_default (schema, "window-height", "i", "800");
  assert_default (schema, "window-maximized", "b", "false");
  assert_default (schema, "sidebar-width", "i", "280");
  assert_default (schema, "details-width", "i", "340");
  assert_default (schema, "layout-engine", "s", "'auto'");
  assert_default (schema, "style", "s", "'default'");
}

static void
assert_choices (GSettingsSchema   *schema,
                const char        *name,
                const char *const *expected)
{
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, name);
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  g_autoptr(GVariant) values = NULL;
  g_autofree const char **choices = NULL;
  const char *kind;

  g_variant_get (range, "(&sv)", &kind, &values);
  g_assert_cmpstr (kind, ==, "enum");
  choices = g_variant_get_strv (values, NULL);
  g_assert_cmpstrv (choices, expected);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_variant_new_string (expected[i]);

      g_assert_true (g_settings_schema_key_range_check (key, value));
    }
}

static void
test_layout_engine_choices (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "layout-engine");
  g_autoptr(GVariant) unknown = g_variant_ref_sink (g_variant_new_string ("osage"));
  const char *engines[] = { "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL };

  assert_choices (schema, "layout-engine", engines);
  g_assert_false (g_settings_schema_key_range_check (key, unknown));
}

static void
test_style_choices (void)
{
  g_autoptr(GSettingsSchema) schema = load_schema ();
  const char *styles[] = { "default", "light", "dark", NULL };

  assert_choices (schema, "style", styles);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: %s SCHEMA-DIR\n", argv[0]);
      return 1;
    }
  schema_dir = argv[1];

  g_test_add_func ("/data/settings/path", test_path);
  g_test_add_func ("/data/settings/keys", test_keys);
  g_test_add_func ("/data/settings/window-defaults", test_window_defaults);
  g_test_add_func ("/data/settings/layout-engine-choices", test_layout_engine_choices);
  g_test_add_func ("/data/settings/style-choices", test_style_choices);
  return g_test_run ();
}
