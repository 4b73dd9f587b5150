package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.RawHttp;
import api.support.TestApp;
import api.support.TestDbs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebjarAssetsApiTest {
    private final TestApp app = Api.on(TestDbs.h2());

    @Test
    void a_page_asset_is_served_with_its_type_and_cached_for_good() {
        var response = app.get(Webjars.BOOTSTRAP_CSS);

        assertEquals(200, response.status());
        assertEquals("text/css; charset=utf-8", response.header("Content-Type"));
        assertTrue(response.header("Cache-Control").contains("immutable"));
        assertTrue(response.body().contains("Bootstrap"));
    }

    @Test
    void a_font_is_served_as_a_font() {
        String fonts = Webjars.ICONS_CSS.replace("bootstrap-icons.min.css", "fonts/bootstrap-icons.woff2");

        var response = app.get(fonts);

        assertEquals(200, response.status());
        assertEquals("font/woff2", response.header("Content-Type"));
    }

    @Test
    void a_file_of_a_webjar_that_is_no_page_asset_is_404() {
        var response = app.get(Webjars.BOOTSTRAP_CSS.replace("css/bootstrap.min.css", "scss/_variables.scss"));

        assertEquals(404, response.status());
        assertEquals("Not Found", response.detail());
    }

    @Test
    void a_missing_asset_is_404_json() {
        var response = app.get(Webjars.BOOTSTRAP_CSS.replace("bootstrap.min.css", "nothing.css"));

        assertEquals(404, response.status());
        assertEquals("Not Found", response.detail());
    }

    @Test
    void a_path_that_climbs_out_of_the_webjars_reaches_no_class_file() {
        for (String path : new String[] {
            "/webjars/bootstrap/..%2f..%2f..%2f..%2fapi/Main.class",
            "/webjars/%2e%2e/%2e%2e/%2e%2e/api/Main.class",
            "/webjars/..\\..\\..\\api\\Main.css"
        }) {
            var response = RawHttp.send(app.port(), RawHttp.request("GET", RawHttp.ascii(path), Map.of(), null));

            assertTrue(response.status() == 400 || response.status() == 404, path + " answered " + response.status());
            assertFalse(response.text().contains("Main"), path);
        }
    }
}
