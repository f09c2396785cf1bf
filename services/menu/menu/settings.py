from __future__ import annotations

from shared.settings import ServiceSettings, service_config


class MenuSettings(ServiceSettings):
    model_config = service_config("MENU_")

    service_name: str = "menu"
    port: int = 8001
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:55432/menu"
