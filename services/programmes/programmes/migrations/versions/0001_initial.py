"""programmes tables, outbox and inbox

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 17:47:40.308842
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox',
    sa.Column('seq', sa.BigInteger(), sa.Identity(always=True), nullable=False),
    sa.Column('event_id', sa.UUID(), nullable=False),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('type', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('time', sa.DateTime(timezone=True), nullable=False),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('actor', sa.Text(), nullable=True),
    sa.Column('traceparent', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox')),
    sa.UniqueConstraint('event_id', name=op.f('uq_outbox_event_id'))
    )
    op.create_index('ix_outbox_unsent', 'outbox', ['seq'], unique=False, postgresql_where=sa.text('sent_at IS NULL'))
    op.create_table('partner',
    sa.Column('iso', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('framework', sa.Enum('PFP', 'MD', 'ICI', 'PATG', name='framework', native_enum=False, create_constraint=True, length=8), nullable=False),
    sa.Column('suspended', sa.Boolean(), nullable=False),
    sa.Column('enhanced_opportunities', sa.Boolean(), nullable=False),
    sa.Column('ipap_since', sa.Integer(), nullable=True),
    sa.Column('dcb', sa.Boolean(), nullable=False),
    sa.Column('deep', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('iso', name=op.f('pk_partner'))
    )
    op.create_index('ix_partner_framework_name', 'partner', ['framework', 'name'], unique=False)
    op.create_table('processed_event',
    sa.Column('consumer', sa.Text(), nullable=False),
    sa.Column('event_id', sa.Text(), nullable=False),
    sa.Column('topic', sa.Text(), nullable=False),
    sa.Column('processed_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False),
    sa.PrimaryKeyConstraint('consumer', 'event_id', name=op.f('pk_processed_event'))
    )


def downgrade() -> None:
    op.drop_table('processed_event')
    op.drop_index('ix_partner_framework_name', table_name='partner')
    op.drop_table('partner')
    op.drop_index('ix_outbox_unsent', table_name='outbox', postgresql_where=sa.text('sent_at IS NULL'))
    op.drop_table('outbox')
