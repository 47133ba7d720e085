package org.govchain.portal.settings;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /portal/settings.json}: the defaults the page starts from (public). */
@RestController
class SettingsResource {

  private final PortalSettings settings;

  SettingsResource(PortalSettings settings) {
    this.settings = settings;
  }

  @GetMapping(value = "/portal/settings.json", produces = "application/json")
  ResponseEntity<PortalSettings.View> settings() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(settings.view());
  }
}
