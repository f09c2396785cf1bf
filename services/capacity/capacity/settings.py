from __future__ import annotations

from shared.settings import ServiceSettings, service_config


class CapacitySettings(ServiceSettings):
    model_config = service_config("CAPACITY_")

    service_name: str = "capacity"
    port: int = 8003
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:55432/capacity"
