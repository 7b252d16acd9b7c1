from rest_framework import serializers

from backend.notices.models import NoticeText
from backend.reference.vocabularies import language_choices


class NoticeTextInput(serializers.Serializer[NoticeText]):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10_000)


class NoticeTextOutput(serializers.ModelSerializer[NoticeText]):
    language = serializers.ChoiceField(choices=language_choices())

    class Meta:
        model = NoticeText
        fields = ["language", "title", "description", "updated_at"]
