from __future__ import annotations

from shared.settings import ServiceSettings, service_config


class ProgrammesSettings(ServiceSettings):
    model_config = service_config("PROGRAMMES_")

    service_name: str = "programmes"
    port: int = 8002
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:55432/programmes"
